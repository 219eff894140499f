using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Features.Calendar;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Scheduling;

/// <summary>HTTP endpoints of the Scheduling module: the calendar's JSON feed.</summary>
internal static class SchedulingEndpoints
{
    /// <summary>Path of the events feed the calendar page reads.</summary>
    public const string FeedPath = "/api/calendar/events";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(FeedPath, GetFeedAsync).RequireAuthorization();
    }

    private static async Task<IResult> GetFeedAsync(
        string? start, string? end, string? scope, string? categories, bool? showDeclined, IMediator mediator, ICurrentUser user, CancellationToken cancellationToken)
    {
        var zone = OfficeTime.Zone(user.TimeZoneId);
        var (from, to) = CalendarFeedTime.ParseWindow(start, end, zone);
        var parsedScope = string.IsNullOrEmpty(scope) ? CalendarScope.All
            : Enum.TryParse<CalendarScope>(scope, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s
            : throw new InputValidationException(new Dictionary<string, string[]> { ["scope"] = ["scope is mine, unit or all."] });
        var categoryIds = new List<Guid>();
        foreach (var part in (categories ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            categoryIds.Add(Guid.TryParse(part, out var id) ? id
                : throw new InputValidationException(new Dictionary<string, string[]> { ["categories"] = ["categories is a comma-separated list of category ids."] }));
        }

        var items = await mediator.Send(new GetCalendarFeed(from, to, parsedScope, categoryIds, showDeclined ?? false), cancellationToken);
        return Results.Json(items.Select(i => FeedJson.ToFullCalendar(i, zone)));
    }
}
