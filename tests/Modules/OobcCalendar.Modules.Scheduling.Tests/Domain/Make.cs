using OobcCalendar.Modules.Scheduling.Domain.Events;

namespace OobcCalendar.Modules.Scheduling.Tests.Domain;

/// <summary>
/// Events for domain tests. Times are written with explicit offsets (Manila +08:00 unless a test says otherwise),
/// so expected instants never depend on the conversions under test.
/// </summary>
internal static class Make
{
    public static readonly DateTimeOffset Now = new(2027, 2, 1, 8, 0, 0, TimeSpan.FromHours(8));

    public static readonly Guid Organizer = Guid.Parse("00000000-0000-0000-0000-00000000000a");

    /// <summary>An instant in Manila (+08:00, no daylight saving).</summary>
    public static DateTimeOffset Mnl(int month, int day, int hour, int minute = 0) => new(2027, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    public static EventDraft Draft(
        DateTimeOffset start, DateTimeOffset end, string? rule = null, string zone = "Asia/Manila", bool allDay = false, IReadOnlyList<Guid>? participants = null) =>
        new("Stand-up", "Daily check-in", "Room 1", start, end, zone, allDay, null, EventVisibility.Normal, participants ?? [], null, rule);

    public static CalendarEvent Event(EventDraft draft) => CalendarEvent.Create(Guid.NewGuid(), draft, Organizer, null, Now);

    /// <summary>A one-hour series starting <paramref name="start"/>.</summary>
    public static CalendarEvent Series(DateTimeOffset start, string rule, string zone = "Asia/Manila", IReadOnlyList<Guid>? participants = null) =>
        Event(Draft(start, start.AddHours(1), rule, zone, participants: participants));

    /// <summary>Weekly on Mondays 09:00–10:00 Manila from Monday 1 March 2027.</summary>
    public static CalendarEvent Mondays(string rule = "FREQ=WEEKLY;BYDAY=MO", IReadOnlyList<Guid>? participants = null) =>
        Series(Mnl(3, 1, 9), rule, participants: participants);

    /// <summary>Starts of the occurrences overlapping [from, to) (as the calendar shows them).</summary>
    public static IReadOnlyList<DateTimeOffset> Starts(CalendarEvent e, DateTimeOffset from, DateTimeOffset to) =>
        e.Occurrences(from, to).Select(o => o.StartUtc).ToList();

    /// <summary>Starts of every occurrence in March and April 2027.</summary>
    public static IReadOnlyList<DateTimeOffset> Spring(CalendarEvent e) => Starts(e, Mnl(3, 1, 0), Mnl(5, 1, 0));

    /// <summary>The draft the editor would submit for an occurrence, moved to new times.</summary>
    public static EventDraft Moved(CalendarEvent e, DateTimeOffset start, DateTimeOffset end) =>
        new(e.Title, e.Description, e.Location, start, end, e.TimeZoneId, e.AllDay, e.CategoryId, e.Visibility,
            e.Participants.Select(p => p.UserId).ToList(), e.ReminderMinutes, e.RecurrenceRule);
}
