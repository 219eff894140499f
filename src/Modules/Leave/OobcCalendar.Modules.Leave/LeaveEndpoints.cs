using Microsoft.AspNetCore.Routing;
using OobcCalendar.Modules.Leave.Features.Calendar;
using OobcCalendar.Shared.Calendar;

namespace OobcCalendar.Modules.Leave;

/// <summary>HTTP endpoints of the Leave module: its two calendar feeds.</summary>
internal static class LeaveEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapCalendarFeed(LeaveCalendarFeed.Path, LeaveCalendarFeed.ReadAsync);
        endpoints.MapCalendarFeed(HolidayCalendarFeed.Path, HolidayCalendarFeed.ReadAsync);
    }
}
