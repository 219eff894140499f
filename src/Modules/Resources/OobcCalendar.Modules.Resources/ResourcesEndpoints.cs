using System.Globalization;
using System.Text;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OobcCalendar.Modules.Resources.Features.Bookings;
using OobcCalendar.Modules.Resources.Features.Reports;
using OobcCalendar.Shared.Calendar;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Exports;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Resources;

/// <summary>HTTP endpoints of the Resources module (downloads, the calendar feed).</summary>
internal static class ResourcesEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/resources/utilisation.csv", ExportUtilisationAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.Manager, Roles.Admin));
        endpoints.MapCalendarFeed(BookingCalendarFeed.Path, BookingCalendarFeed.ReadAsync);
    }

    private static async Task<IResult> ExportUtilisationAsync(string? from, string? to, IMediator mediator, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || !DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
            || end <= start || end.DayNumber - start.DayNumber > 366)
        {
            throw new InputValidationException(new Dictionary<string, string[]>
            {
                ["from"] = ["Give from and to as yyyy-MM-dd, to after from, at most a year apart."],
            });
        }

        var report = await mediator.Send(new GetUtilisation(start, end), cancellationToken);
        var csv = new StringBuilder("resource,kind,bookings,booked_hours,bookable_hours,utilisation_percent,peak_hour\n");
        foreach (var row in report.Resources)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{TableExport.Field(row.Name)},{row.Kind},{row.Bookings},{row.BookedHours},{row.BookableHours},{row.Percent},{row.PeakHour?.ToString("00", CultureInfo.InvariantCulture) ?? string.Empty}\n");
        }

        return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv", $"resource-utilisation-{start:yyyyMMdd}-{end:yyyyMMdd}.csv");
    }
}
