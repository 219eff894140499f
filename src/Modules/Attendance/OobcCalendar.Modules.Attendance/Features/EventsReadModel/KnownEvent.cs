namespace OobcCalendar.Modules.Attendance.Features.EventsReadModel;

/// <summary>
/// Attendance's copy of a Scheduling event (or series), from Scheduling's integration events only (ADR 0025): who
/// organizes it, who is expected, when it happens. <see cref="AsOf"/> is the time of the latest snapshot applied, so a
/// retried older event does not overwrite a newer one; a whole cancellation is permanent.
/// </summary>
internal sealed class KnownEvent
{
    public Guid EventId { get; set; }

    public string Title { get; set; } = "";

    public string? Location { get; set; }

    public Guid OrganizerId { get; set; }

    public List<Guid> ParticipantIds { get; set; } = [];

    public DateTimeOffset StartUtc { get; set; }

    public DateTimeOffset EndUtc { get; set; }

    public string TimeZoneId { get; set; } = "";

    public bool AllDay { get; set; }

    /// <summary>Scheduling's category of the event (null when none, or announced before events carried it).</summary>
    public Guid? CategoryId { get; set; }

    public string? RecurrenceRule { get; set; }

    public List<DateTimeOffset> ExceptionDatesUtc { get; set; } = [];

    public bool Cancelled { get; set; }

    /// <summary>Occurrences from this instant on were cancelled ("this and following").</summary>
    public DateTimeOffset? CancelledFromUtc { get; set; }

    public DateTimeOffset AsOf { get; set; }

    public bool IsRecurring => RecurrenceRule is not null;
}

/// <summary>One occurrence of a series moved or cancelled on its own (<see cref="RecurrenceIdUtc"/>: its original start).</summary>
internal sealed class KnownOccurrenceChange
{
    public Guid EventId { get; set; }

    public DateTimeOffset RecurrenceIdUtc { get; set; }

    public DateTimeOffset? StartUtc { get; set; }

    public DateTimeOffset? EndUtc { get; set; }

    public bool Cancelled { get; set; }

    public DateTimeOffset AsOf { get; set; }
}
