using OobcCalendar.Shared.Recurrence;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Scheduling.Contracts.Replica;

/// <summary>One occurrence: <see cref="RecurrenceIdUtc"/> is its key (its original start), Start/End where it is now.</summary>
public sealed record ReplicaOccurrence(DateTimeOffset RecurrenceIdUtc, DateTimeOffset StartUtc, DateTimeOffset EndUtc);

/// <summary>A replica's live (not cancelled) occurrences, with per-occurrence moves applied, expanded in the event's zone.</summary>
public static class ReplicaOccurrences
{
    /// <summary>
    /// The occurrence whose original start is <paramref name="key"/>, or null when it is cancelled (whole, from a date,
    /// an exception date, on its own) or not on the series' rule. A single event has one occurrence whatever key it is
    /// asked with (it may have moved since).
    /// </summary>
    public static ReplicaOccurrence? At(this EventReplica known, DateTimeOffset key, OccurrenceChangeReplica? change)
    {
        ArgumentNullException.ThrowIfNull(known);
        if (known.Cancelled)
        {
            return null;
        }

        if (!known.IsRecurring)
        {
            return new ReplicaOccurrence(key, known.StartUtc, known.EndUtc);
        }

        var utc = key.ToUniversalTime();
        if (IsCancelled(known, utc, change) || !Slots(known, utc, utc.AddSeconds(1), 10).Any(s => s.Start == utc))
        {
            return null;
        }

        return new ReplicaOccurrence(utc, change?.StartUtc ?? utc, change?.EndUtc ?? utc + (known.EndUtc - known.StartUtc));
    }

    /// <summary>
    /// The live occurrences starting (where they are now) in [<paramref name="from"/>, <paramref name="to"/>];
    /// <paramref name="maxOccurrences"/> bounds the slots expanded, so a minutely series cannot explode the caller's work.
    /// </summary>
    public static IReadOnlyList<ReplicaOccurrence> Between(
        this EventReplica known, IReadOnlyCollection<OccurrenceChangeReplica> changes, DateTimeOffset from, DateTimeOffset to, int maxOccurrences)
    {
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(changes);
        if (known.Cancelled)
        {
            return [];
        }

        if (!known.IsRecurring)
        {
            return known.StartUtc >= from && known.StartUtc <= to ? [new ReplicaOccurrence(known.StartUtc, known.StartUtc, known.EndUtc)] : [];
        }

        var duration = known.EndUtc - known.StartUtc;
        var byKey = changes.ToDictionary(c => c.RecurrenceIdUtc);
        var result = new List<ReplicaOccurrence>();
        // A moved occurrence may now start inside the window though its original start is outside: look a day wider.
        foreach (var slot in Slots(known, from.AddDays(-1), to.AddDays(1), maxOccurrences))
        {
            var key = slot.Start.ToUniversalTime();
            byKey.TryGetValue(key, out var change);
            if (IsCancelled(known, key, change))
            {
                continue;
            }

            var occurrence = new ReplicaOccurrence(key, change?.StartUtc ?? key, change?.EndUtc ?? key + duration);
            if (occurrence.StartUtc >= from && occurrence.StartUtc <= to)
            {
                result.Add(occurrence);
            }
        }

        return result;
    }

    private static bool IsCancelled(EventReplica known, DateTimeOffset key, OccurrenceChangeReplica? change) =>
        change is { Cancelled: true } || known.CancelledFromUtc <= key || known.ExceptionDatesUtc.Contains(key);

    private static IReadOnlyList<OccurrenceSlot> Slots(EventReplica known, DateTimeOffset windowStart, DateTimeOffset windowEnd, int maxOccurrences) =>
        RecurrenceExpander.Expand(
            known.RecurrenceRule!, WallClock.ToLocal(known.StartUtc, OfficeTime.Zone(known.TimeZoneId)), known.EndUtc - known.StartUtc, known.TimeZoneId,
            windowEnd: windowEnd, maxOccurrences: maxOccurrences, windowStart: windowStart);
}
