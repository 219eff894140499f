using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Modules.Scheduling.Contracts.Replica;

namespace OobcCalendar.Modules.Attendance.Features.EventsReadModel;

/// <summary>
/// Attendance's copy of a Scheduling event (or series), from Scheduling's integration events only (ADR 0025): who
/// organizes it, who is expected, when it happens. How events are applied is Scheduling's replica building block
/// (ADR 0038); Attendance adds the category its reports group by.
/// </summary>
internal sealed class KnownEvent : EventReplica
{
    /// <summary>Scheduling's category of the event (null when none, or announced before events carried it).</summary>
    public Guid? CategoryId { get; set; }

    protected override void ApplyDetails(EventSnapshot snapshot) => CategoryId = snapshot.CategoryId;
}
