namespace OobcCalendar.Modules.Scheduling.Contracts.Replica;

/// <summary>
/// One occurrence of a series moved or cancelled on its own, keyed by <see cref="RecurrenceIdUtc"/> (its original
/// start). Each module maps it to its own table (ADR 0038).
/// </summary>
public sealed class OccurrenceChangeReplica
{
    public Guid EventId { get; set; }

    public DateTimeOffset RecurrenceIdUtc { get; set; }

    public DateTimeOffset? StartUtc { get; set; }

    public DateTimeOffset? EndUtc { get; set; }

    public bool Cancelled { get; set; }

    public DateTimeOffset AsOf { get; set; }

    /// <summary>Moves the occurrence unless a newer move is stored or it was cancelled (a cancellation is permanent).</summary>
    public void Move(DateTimeOffset startUtc, DateTimeOffset endUtc, DateTimeOffset occurredAt)
    {
        if (AsOf > occurredAt || Cancelled)
        {
            return;
        }

        StartUtc = startUtc.ToUniversalTime();
        EndUtc = endUtc.ToUniversalTime();
        AsOf = occurredAt;
    }
}
