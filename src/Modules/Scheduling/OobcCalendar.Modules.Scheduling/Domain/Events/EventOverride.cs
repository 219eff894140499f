namespace OobcCalendar.Modules.Scheduling.Domain.Events;

/// <summary>
/// One occurrence of a series changed on its own (RFC 5545 RECURRENCE-ID): <see cref="RecurrenceId"/> is the
/// occurrence's original start; null fields inherit the series' value, so later series edits still reach them.
/// </summary>
internal sealed class EventOverride
{
    private EventOverride()
    {
    }

    public EventOverride(Guid eventId, DateTimeOffset recurrenceId, DateTimeOffset startUtc, DateTimeOffset endUtc)
    {
        EventId = eventId;
        RecurrenceId = recurrenceId;
        StartUtc = startUtc;
        EndUtc = endUtc;
    }

    public Guid EventId { get; private set; }

    public DateTimeOffset RecurrenceId { get; internal set; }

    public DateTimeOffset StartUtc { get; internal set; }

    public DateTimeOffset EndUtc { get; internal set; }

    public string? Title { get; internal set; }

    public string? Description { get; internal set; }

    public string? Location { get; internal set; }
}
