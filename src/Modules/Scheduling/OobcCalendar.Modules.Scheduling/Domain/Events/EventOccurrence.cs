namespace OobcCalendar.Modules.Scheduling.Domain.Events;

/// <summary>
/// A row of the occurrence index: one occurrence of an event with its effective times, title and place (series
/// values with any override applied), so a calendar query is a range scan instead of an expansion.
/// </summary>
internal sealed class EventOccurrence
{
    public Guid EventId { get; init; }

    /// <summary>The occurrence's original start (equal to the event start for single events).</summary>
    public DateTimeOffset RecurrenceId { get; init; }

    public DateTimeOffset StartUtc { get; init; }

    public DateTimeOffset EndUtc { get; init; }

    public required string Title { get; init; }

    public string? Location { get; init; }

    public bool Overridden { get; init; }
}

/// <summary>How far ahead series are materialised in the index; beyond it, queries expand lazily.</summary>
internal sealed class OccurrenceIndexState
{
    public int Id { get; init; } = 1;

    public DateTimeOffset HorizonUtc { get; set; }
}

/// <summary>An occurrence as the domain computes it.</summary>
internal sealed record Occurrence(DateTimeOffset RecurrenceId, DateTimeOffset StartUtc, DateTimeOffset EndUtc, EventOverride? Override);
