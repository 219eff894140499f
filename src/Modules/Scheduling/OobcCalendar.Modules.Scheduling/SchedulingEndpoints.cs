using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Features.Calendar;
using OobcCalendar.Modules.Scheduling.Features.Ics;
using OobcCalendar.Shared.Calendar;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.Users;
using OobcCalendar.Shared.Ics;

namespace OobcCalendar.Modules.Scheduling;

/// <summary>HTTP endpoints of the Scheduling module: the calendar's JSON feed and .ics downloads.</summary>
internal static class SchedulingEndpoints
{
    /// <summary>Path of the events feed the calendar page reads.</summary>
    public const string FeedPath = "/api/calendar/events";

    /// <summary>Path of the signed-in user's calendar as an .ics download (with <c>?start=yyyy-MM-dd&amp;end=yyyy-MM-dd</c>).</summary>
    public const string CalendarIcsPath = "/scheduling/calendar.ics";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapCalendarFeed(FeedPath, ReadFeedAsync);
        endpoints.MapGet("/scheduling/events/{id}.ics", ExportEventAsync).RequireAuthorization();
        endpoints.MapGet(CalendarIcsPath, ExportCalendarAsync).RequireAuthorization();
    }

    /// <summary>The download link of one event or series.</summary>
    public static string EventIcsPath(Guid eventId) => $"/scheduling/events/{eventId}.ics";

    private static async Task<IResult> ExportEventAsync(string id, IMediator mediator, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var eventId))
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["id"] = [$"'{id}' is not an event id."] });
        }

        var file = await mediator.Send(new ExportEventIcs(eventId), cancellationToken);
        return Results.File(file.Content, IcsFile.ContentType, file.FileName);
    }

    private static async Task<IResult> ExportCalendarAsync(string? start, string? end, string? scope, IMediator mediator, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(start, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !DateOnly.TryParseExact(end, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
        {
            throw new InputValidationException(new Dictionary<string, string[]>
            {
                ["start"] = ["Give start and end as dates (yyyy-MM-dd), e.g. start=2027-03-01&end=2027-04-01; the end is not included."],
            });
        }

        var file = await mediator.Send(new ExportCalendarIcs(from, to, ParseScope(scope, CalendarScope.Mine)), cancellationToken);
        return Results.File(file.Content, IcsFile.ContentType, file.FileName);
    }

    private static CalendarScope ParseScope(string? scope, CalendarScope fallback) =>
        string.IsNullOrEmpty(scope) ? fallback
        : Enum.TryParse<CalendarScope>(scope, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s
        : throw new InputValidationException(new Dictionary<string, string[]> { ["scope"] = ["scope is mine, unit or all."] });

    private static async Task<IEnumerable<CalendarFeedEntry>> ReadFeedAsync(CalendarFeedRequest feed, CancellationToken cancellationToken)
    {
        var parsedScope = ParseScope(feed.Query("scope"), CalendarScope.All);
        var categoryIds = new List<Guid>();
        foreach (var part in (feed.Query("categories") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            categoryIds.Add(Guid.TryParse(part, out var id) ? id
                : throw new InputValidationException(new Dictionary<string, string[]> { ["categories"] = ["categories is a comma-separated list of category ids."] }));
        }

        var showDeclined = feed.Query("showDeclined");
        var declined = string.IsNullOrEmpty(showDeclined) ? false
            : bool.TryParse(showDeclined, out var d) ? d
            : throw new InputValidationException(new Dictionary<string, string[]> { ["showDeclined"] = ["showDeclined is true or false."] });
        var items = await feed.Service<IMediator>().Send(new GetCalendarFeed(feed.Start, feed.End, parsedScope, categoryIds, declined), cancellationToken);
        return items.Select(i => FeedJson.ToEntry(i, feed));
    }
}
