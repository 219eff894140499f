namespace OobcCalendar.Modules.Scheduling.Domain.Events;

/// <summary>
/// A participant's answer for one occurrence of a series ("I can't come this Tuesday"), which wins over their answer
/// for the series. Keyed like an override, by the occurrence's original start.
/// </summary>
internal sealed class OccurrenceAnswer
{
    private OccurrenceAnswer()
    {
    }

    public OccurrenceAnswer(Guid eventId, DateTimeOffset recurrenceId, Guid userId, ParticipantResponse response, DateTimeOffset respondedAt)
    {
        EventId = eventId;
        RecurrenceId = recurrenceId;
        UserId = userId;
        Response = response;
        RespondedAt = respondedAt;
    }

    public Guid EventId { get; private set; }

    public DateTimeOffset RecurrenceId { get; private set; }

    public Guid UserId { get; private set; }

    public ParticipantResponse Response { get; internal set; }

    public DateTimeOffset RespondedAt { get; internal set; }

    /// <summary>The same answer on another series or occurrence key (a split's tail, a moved series).</summary>
    public OccurrenceAnswer For(Guid eventId, DateTimeOffset recurrenceId) => new(eventId, recurrenceId, UserId, Response, RespondedAt);
}
