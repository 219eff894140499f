namespace OobcCalendar.Shared.IntegrationEvents;

/// <summary>
/// A fact one module announces to the others. Published through the module's outbox in the same
/// transaction as the state change, delivered after commit, at least once; consumers are idempotent.
/// Implementations live in a module's Contracts project: sealed records, past tense, primitives only,
/// never edited once shipped (add a new event instead).
/// </summary>
public interface IIntegrationEvent
{
    /// <summary>Unique id; consumers de-duplicate on it.</summary>
    Guid EventId { get; }

    /// <summary>When the fact happened (UTC).</summary>
    DateTimeOffset OccurredAt { get; }
}

/// <summary>Convenience base for integration events.</summary>
public abstract record IntegrationEvent : IIntegrationEvent
{
    /// <inheritdoc />
    public Guid EventId { get; init; } = Guid.NewGuid();

    /// <inheritdoc />
    public DateTimeOffset OccurredAt { get; init; }
}

/// <summary>Consumes one kind of integration event. Registered with <see cref="IntegrationEventRegistration.AddIntegrationEventHandler{TEvent,THandler}"/>.</summary>
public interface IIntegrationEventHandler<in TEvent>
    where TEvent : IIntegrationEvent
{
    /// <summary>Applies the event. May be called more than once for one event: use <c>ModuleDbContext.RunOnceAsync</c>.</summary>
    Task HandleAsync(TEvent integrationEvent, CancellationToken cancellationToken);
}
