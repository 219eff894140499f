using Mediator;
using OobcCalendar.Modules.Leave.Domain.Requests;
using OobcCalendar.Modules.Leave.Features.Requests;
using OobcCalendar.Shared.Calendar;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave.Features.Calendar;

/// <summary>
/// <c>GET /api/calendar/leave?start=&amp;end=</c>: approved leave the viewer may see (<see cref="GetWhosOut"/>: their unit,
/// their people, everyone for Admin) as orange all-day entries, plus the viewer's own pending requests with the shared
/// <see cref="CalendarEntryStyle.Pending"/> flag. The privacy rule is GetWhosOut's: a colleague's sick leave reads
/// "Out of office" and carries no type in its details. Read-only on the calendar; details link to My leave.
/// </summary>
internal static class LeaveCalendarFeed
{
    public const string Path = "/api/calendar/leave";
    public const string Key = "leave";
    public const string Kind = "leave";
    public const string ApprovedColour = "#ef6c00";

    // Pale orange with dark-brown text (contrast above 7:1), the approved orange as border: visible, not confirmed.
    public const string PendingColour = "#ffe0b2";
    public const string PendingTextColour = "#6d2c00";

    /// <summary>Where the person manages their leave (leaveself's page).</summary>
    public const string MyLeave = "/leave";

    public static async Task<IEnumerable<CalendarFeedEntry>> ReadAsync(CalendarFeedRequest feed, CancellationToken cancellationToken)
    {
        // The check-in desk sees the calendar but is nobody's colleague: no leave, rather than a failing feed.
        if (!Roles.OfficeMemberRoles.Any(feed.User.IsInRole))
        {
            return [];
        }

        var (from, to) = CalendarDays.Of(feed);
        var mediator = feed.Service<IMediator>();
        var entries = new List<CalendarFeedEntry>();

        // The feed allows longer windows than GetWhosOut: ask in chunks it accepts (leave spanning two chunks comes once).
        for (var start = from; start <= to; start = start.AddDays(GetWhosOutHandler.MaxDays))
        {
            var end = Min(to, start.AddDays(GetWhosOutHandler.MaxDays - 1));
            var outs = await mediator.Send(new GetWhosOut(start, end), cancellationToken);
            entries.AddRange(outs.Select(Approved));
        }

        var mine = await mediator.Send(new ListMyLeaveRequests(from), cancellationToken);
        entries.AddRange(mine.Where(r => r.Status == nameof(LeaveRequestStatus.Pending) && r.FirstDay <= to).Select(Pending));
        return entries.DistinctBy(e => e.Id);
    }

    private static CalendarFeedEntry Approved(PersonOut o) =>
        new($"leave:{o.RequestId}", Kind, $"{o.PersonName}: {o.Label}", Day(o.FirstDay), Day(o.LastDay.AddDays(1)), AllDay: true)
        {
            Colour = ApprovedColour,
            AccentColour = ApprovedColour,
            TextColour = "#ffffff",
            Details = new Dictionary<string, string?>
            {
                ["requestId"] = o.RequestId.ToString(),
                ["status"] = nameof(LeaveRequestStatus.Approved),
                ["person"] = o.PersonName,
                ["unit"] = o.UnitName,
                // Null when the type is private to this viewer: the type never leaves the server for them.
                ["leaveType"] = o.LeaveTypeName,
                ["halfDays"] = HalfDays(o.FirstDayPart, o.LastDayPart),
            },
        };

    private static CalendarFeedEntry Pending(MyLeaveRequest r) =>
        new($"leave:{r.RequestId}", Kind, $"{r.LeaveTypeName} (pending)", Day(r.FirstDay), Day(r.LastDay.AddDays(1)), AllDay: true)
        {
            Colour = PendingColour,
            AccentColour = ApprovedColour,
            TextColour = PendingTextColour,
            Url = MyLeave,
            Style = CalendarEntryStyle.Pending,
            Details = new Dictionary<string, string?>
            {
                ["requestId"] = r.RequestId.ToString(),
                ["status"] = r.Status,
                ["leaveType"] = r.LeaveTypeName,
                ["days"] = r.Days.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture),
                ["halfDays"] = HalfDays(r.FirstDayPart, r.LastDayPart),
            },
        };

    private static string? HalfDays(string first, string last) =>
        (first == nameof(DayPart.Full) ? null : $"first day {first.ToLowerInvariant()}", last == nameof(DayPart.Full) ? null : $"last day {last.ToLowerInvariant()}") switch
        {
            (null, null) => null,
            (var a, null) => a,
            (null, var b) => b,
            var (a, b) => $"{a}, {b}",
        };

    private static DateTime Day(DateOnly day) => day.ToDateTime(TimeOnly.MinValue);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
