using OobcCalendar.Modules.Scheduling.Domain.Events;

namespace OobcCalendar.Modules.Scheduling.Tests.Features;

/// <summary>Event drafts for tests, in Manila time.</summary>
internal static class Drafts
{
    public static readonly TimeSpan Manila = TimeSpan.FromHours(8);

    public static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, Manila);

    public static EventDraft Single(DateTimeOffset start, int minutes = 60, string title = "Planning", IReadOnlyList<Guid>? participants = null) =>
        new(title, null, "Room 1", start, start.AddMinutes(minutes), "Asia/Manila", false, null, EventVisibility.Normal, participants ?? [], null, null);

    public static EventDraft Series(DateTimeOffset start, string rule, int minutes = 60, string title = "Stand-up", IReadOnlyList<Guid>? participants = null) =>
        Single(start, minutes, title, participants) with { RecurrenceRule = rule };
}
