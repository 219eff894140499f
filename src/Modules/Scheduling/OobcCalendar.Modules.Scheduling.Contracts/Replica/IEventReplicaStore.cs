namespace OobcCalendar.Modules.Scheduling.Contracts.Replica;

/// <summary>
/// Where a module keeps its replica: its own unit of work on its own tables. Finds must see rows added earlier in
/// the same unit of work (EF's <c>DbSet.FindAsync</c> does), so one delivery never adds a row twice.
/// </summary>
/// <typeparam name="TEvent">The module's row type.</typeparam>
public interface IEventReplicaStore<TEvent>
    where TEvent : EventReplica
{
    ValueTask<TEvent?> FindEventAsync(Guid eventId, CancellationToken cancellationToken);

    ValueTask<OccurrenceChangeReplica?> FindChangeAsync(Guid eventId, DateTimeOffset recurrenceIdUtc, CancellationToken cancellationToken);

    void Add(TEvent replica);

    void Add(OccurrenceChangeReplica change);
}
