using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Modules.Scheduling.Contracts.Replica;

namespace OobcCalendar.Modules.Notifications.Features.EventsReadModel;

/// <summary>
/// Notifications' copy of a Scheduling event (or series), from Scheduling's integration events only (ADR 0035):
/// enough to invite, remind and cancel without asking Scheduling back. How events are applied is Scheduling's replica
/// building block (ADR 0038); Notifications adds the event's own reminder offsets and its reminder horizon.
/// </summary>
internal sealed class KnownEvent : EventReplica
{
    /// <summary>The event's own reminder offsets; null means each person's default offsets (preferences).</summary>
    public List<int>? ReminderMinutes { get; set; }

    /// <summary>Due reminders are written up to this instant; the sweep moves it on (bounded horizon).</summary>
    public DateTimeOffset RemindersUntil { get; set; }

    protected override void ApplyDetails(EventSnapshot snapshot) => ReminderMinutes = snapshot.ReminderMinutes?.Where(m => m > 0).Distinct().ToList();
}
