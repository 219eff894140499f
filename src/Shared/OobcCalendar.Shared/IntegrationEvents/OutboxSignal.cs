namespace OobcCalendar.Shared.IntegrationEvents;

/// <summary>
/// Wakes the outbox dispatcher when events were committed, and tells it which module outboxes got them, so a busy
/// host does not query every outbox on every commit.
/// </summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);
    private readonly Lock gate = new();

    // Schemas written since the dispatcher last looked; null means "look everywhere".
    private HashSet<string>? pending = [];

    /// <summary>Asks the dispatcher to look now: at <paramref name="schema"/>'s outbox, or at every outbox when null.</summary>
    public void Wake(string? schema = null)
    {
        lock (gate)
        {
            if (schema is null)
            {
                pending = null;
            }
            else
            {
                pending?.Add(schema);
            }
        }

        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up covers any number of new rows.
        }
    }

    /// <summary>
    /// Waits for a wake-up, then <paramref name="gather"/> longer so the commits of a burst are claimed as one batch
    /// rather than one round each. Returns the outboxes to look at: those written since the last call, or null (every
    /// outbox) after a wake-up for all or when <paramref name="timeout"/> passed without one (due retries are found then).
    /// </summary>
    internal async Task<IReadOnlySet<string>?> WaitAsync(TimeSpan timeout, TimeSpan gather, CancellationToken cancellationToken)
    {
        var woken = await signal.WaitAsync(timeout, cancellationToken);
        if (woken && gather > TimeSpan.Zero)
        {
            await Task.Delay(gather, cancellationToken);
        }

        lock (gate)
        {
            var taken = woken ? pending : null;
            pending = [];
            return taken;
        }
    }
}
