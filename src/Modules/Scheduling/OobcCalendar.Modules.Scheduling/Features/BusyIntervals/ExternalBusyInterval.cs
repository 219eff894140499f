namespace OobcCalendar.Modules.Scheduling.Features.BusyIntervals;

/// <summary>
/// Read model row: a person's time held by another module's fact (today an approved room or vehicle booking), kept
/// from that module's integration events so the busy check never reads another module's tables. It carries only what
/// the warning may say: a label, never the booking's purpose or resource (docs/adr/0010).
/// </summary>
internal sealed class ExternalBusyInterval
{
    /// <summary>The module the fact comes from, e.g. <c>ResourcesModuleContract.Name</c>.</summary>
    public string SourceModule { get; set; } = string.Empty;

    /// <summary>The fact's id in its module (a booking id).</summary>
    public Guid SourceId { get; set; }

    public Guid PersonId { get; set; }

    public DateTimeOffset StartUtc { get; set; }

    public DateTimeOffset EndUtc { get; set; }

    /// <summary>What the warning says, e.g. "Room booking".</summary>
    public string Label { get; set; } = string.Empty;
}

/// <summary>
/// A source fact that has ended for good (a booking cancelled or rejected). Kept so a late or retried approved event,
/// delivered after the cancellation overtook it, does not bring the interval back.
/// </summary>
internal sealed class ReleasedBusySource
{
    public string SourceModule { get; set; } = string.Empty;

    public Guid SourceId { get; set; }

    public DateTimeOffset ReleasedAt { get; set; }
}
