using System.Text.Json;

namespace OobcCalendar.Shared.IntegrationEvents;

/// <summary>A row of a module's outbox: one integration event waiting for, or done with, delivery.</summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
        Type = string.Empty;
        Payload = string.Empty;
    }

    /// <summary>The event id (also the inbox key of every consumer).</summary>
    public Guid Id { get; private set; }

    public string Type { get; private set; }

    /// <summary>The event as JSON (jsonb).</summary>
    public string Payload { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset? ProcessedAt { get; private set; }

    public DateTimeOffset? DeadLetteredAt { get; private set; }

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Wraps <paramref name="integrationEvent"/> for the outbox, due at once.</summary>
    public static OutboxMessage From(IIntegrationEvent integrationEvent) => new()
    {
        Id = integrationEvent.EventId,
        Type = IntegrationEventTypes.NameOf(integrationEvent.GetType()),
        Payload = JsonSerializer.Serialize(integrationEvent, integrationEvent.GetType(), Json),
        OccurredAt = integrationEvent.OccurredAt,
        NextAttemptAt = integrationEvent.OccurredAt,
    };
}

/// <summary>A consumer's record that it has applied an event (its idempotency key).</summary>
public sealed class InboxMessage
{
    public Guid EventId { get; set; }

    public string Consumer { get; set; } = string.Empty;

    public DateTimeOffset ProcessedAt { get; set; }
}
