namespace OobcCalendar.Modules.Scheduling.Domain.Events;

/// <summary>A colleague invited to an event, and their answer (for the whole series).</summary>
internal sealed class EventParticipant
{
    private EventParticipant()
    {
    }

    public EventParticipant(Guid eventId, Guid userId, ParticipantResponse response = ParticipantResponse.NeedsAction, DateTimeOffset? respondedAt = null)
    {
        EventId = eventId;
        UserId = userId;
        Response = response;
        RespondedAt = respondedAt;
    }

    public Guid EventId { get; private set; }

    public Guid UserId { get; private set; }

    public ParticipantResponse Response { get; internal set; }

    public DateTimeOffset? RespondedAt { get; internal set; }
}
