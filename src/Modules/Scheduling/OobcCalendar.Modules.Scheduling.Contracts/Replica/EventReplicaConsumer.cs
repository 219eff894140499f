using OobcCalendar.Shared.IntegrationEvents;

namespace OobcCalendar.Modules.Scheduling.Contracts.Replica;

/// <summary>
/// Keeps a module's replica from Scheduling's event integration events. The module supplies the unit of work
/// (<see cref="ApplyOnceAsync"/>: its inbox, its lock, what it does after a change); this class says which update
/// each event means, so every replica applies them alike.
/// </summary>
/// <typeparam name="TEvent">The module's row type.</typeparam>
/// <typeparam name="TStore">The module's unit of work (usually its DbContext).</typeparam>
public abstract class EventReplicaConsumer<TEvent, TStore> :
    IIntegrationEventHandler<EventScheduledIntegrationEvent>,
    IIntegrationEventHandler<EventRescheduledIntegrationEvent>,
    IIntegrationEventHandler<EventUpdatedIntegrationEvent>,
    IIntegrationEventHandler<EventCancelledIntegrationEvent>
    where TEvent : EventReplica, new()
    where TStore : IEventReplicaStore<TEvent>
{
    public Task HandleAsync(EventScheduledIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        return ApplyOnceAsync(integrationEvent, integrationEvent.Event.EventId,
            (store, ct) => EventReplicaUpdates.ApplySnapshotAsync(store, integrationEvent.Event, integrationEvent.OccurredAt, ct), cancellationToken);
    }

    public Task HandleAsync(EventRescheduledIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        return ApplyOnceAsync(integrationEvent, integrationEvent.Event.EventId,
            (store, ct) => EventReplicaUpdates.RescheduleAsync(store, integrationEvent, ct), cancellationToken);
    }

    public Task HandleAsync(EventUpdatedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        return ApplyOnceAsync(integrationEvent, integrationEvent.Event.EventId,
            (store, ct) => EventReplicaUpdates.ApplySnapshotAsync(store, integrationEvent.Event, integrationEvent.OccurredAt, ct), cancellationToken);
    }

    public Task HandleAsync(EventCancelledIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        return ApplyOnceAsync(integrationEvent, integrationEvent.Event.EventId,
            (store, ct) => EventReplicaUpdates.CancelAsync(store, integrationEvent, ct), cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="apply"/> once per integration event (inbox) in one transaction of the module, serialised per
    /// <paramref name="eventId"/> so two deliveries racing cannot both insert its row.
    /// </summary>
    protected abstract Task ApplyOnceAsync(IIntegrationEvent integrationEvent, Guid eventId, Func<TStore, CancellationToken, Task> apply, CancellationToken cancellationToken);
}
