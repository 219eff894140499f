namespace OobcCalendar.Modules.Scheduling.Contracts.Replica;

/// <summary>
/// Applies Scheduling's integration events to a replica. Delivery is at least once and may be out of order: a
/// snapshot older than the one stored is ignored, and cancellations (whole, from a date, one occurrence) are never
/// undone by it. Per-occurrence changes are keyed by the occurrence's original start.
/// </summary>
public static class EventReplicaUpdates
{
    public static async Task<TEvent> ApplySnapshotAsync<TEvent>(
        IEventReplicaStore<TEvent> store, EventSnapshot snapshot, DateTimeOffset occurredAt, CancellationToken cancellationToken)
        where TEvent : EventReplica, new()
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(snapshot);
        var replica = await store.FindEventAsync(snapshot.EventId, cancellationToken);
        if (replica is null)
        {
            replica = new TEvent { EventId = snapshot.EventId };
            store.Add(replica);
        }

        replica.Apply(snapshot, occurredAt);
        return replica;
    }

    /// <summary>The new snapshot, and the one occurrence's new times when only one moved.</summary>
    public static async Task<TEvent> RescheduleAsync<TEvent>(
        IEventReplicaStore<TEvent> store, EventRescheduledIntegrationEvent rescheduled, CancellationToken cancellationToken)
        where TEvent : EventReplica, new()
    {
        ArgumentNullException.ThrowIfNull(rescheduled);
        var replica = await ApplySnapshotAsync(store, rescheduled.Event, rescheduled.OccurredAt, cancellationToken);
        if (rescheduled.RecurrenceIdUtc is { } recurrenceId)
        {
            var change = await ChangeAsync(store, rescheduled.Event.EventId, recurrenceId, cancellationToken);
            change.Move(rescheduled.NewStartUtc, rescheduled.NewEndUtc, rescheduled.OccurredAt);
        }

        return replica;
    }

    public static async Task<TEvent> CancelAsync<TEvent>(
        IEventReplicaStore<TEvent> store, EventCancelledIntegrationEvent cancelled, CancellationToken cancellationToken)
        where TEvent : EventReplica, new()
    {
        ArgumentNullException.ThrowIfNull(cancelled);
        var replica = await ApplySnapshotAsync(store, cancelled.Event, cancelled.OccurredAt, cancellationToken);
        if (cancelled.RecurrenceIdUtc is { } recurrenceId)
        {
            var change = await ChangeAsync(store, cancelled.Event.EventId, recurrenceId, cancellationToken);
            change.Cancelled = true;
        }
        else if (cancelled.FromUtc is { } from)
        {
            replica.CancelFrom(from);
        }
        else
        {
            replica.Cancelled = true;
        }

        return replica;
    }

    private static async Task<OccurrenceChangeReplica> ChangeAsync<TEvent>(
        IEventReplicaStore<TEvent> store, Guid eventId, DateTimeOffset recurrenceId, CancellationToken cancellationToken)
        where TEvent : EventReplica
    {
        var key = recurrenceId.ToUniversalTime();
        var change = await store.FindChangeAsync(eventId, key, cancellationToken);
        if (change is null)
        {
            change = new OccurrenceChangeReplica { EventId = eventId, RecurrenceIdUtc = key };
            store.Add(change);
        }

        return change;
    }
}
