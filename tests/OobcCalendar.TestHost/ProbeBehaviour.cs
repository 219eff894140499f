using System.Collections.Concurrent;

namespace OobcCalendar.TestHost;

/// <summary>Switches and records the in-process tests use to steer and observe the consumer.</summary>
public sealed class ProbeBehaviour(TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<Guid, ConcurrentQueue<DateTimeOffset>> attempts = new();
    private readonly ConcurrentDictionary<Guid, bool> healed = new();

    /// <summary>From now on the consumer accepts the poison event <paramref name="eventId"/>.</summary>
    public void Heal(Guid eventId) => healed[eventId] = true;

    /// <summary>Whether the consumer refuses <paramref name="integrationEvent"/>.</summary>
    public bool Refuses(ProbeHappened integrationEvent)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        return integrationEvent.Poison && !healed.ContainsKey(integrationEvent.EventId);
    }

    /// <summary>When the consumer was called for <paramref name="eventId"/>, in order.</summary>
    public IReadOnlyList<DateTimeOffset> AttemptsOf(Guid eventId) =>
        attempts.TryGetValue(eventId, out var times) ? times.ToArray() : [];

    internal void RecordAttempt(Guid eventId) =>
        attempts.GetOrAdd(eventId, _ => new ConcurrentQueue<DateTimeOffset>()).Enqueue(timeProvider.GetUtcNow());
}
