namespace OobcCalendar.Shared.IntegrationEvents;

/// <summary>Outbox dispatch settings (configuration section <c>Outbox</c>).</summary>
public sealed class OutboxOptions
{
    /// <summary>How often each outbox is polled when no NOTIFY wakes the dispatcher.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long the dispatcher waits after a wake-up before claiming, so a burst of commits is one batch: under 380
    /// bookings a second, one round per commit across six outboxes cost a third of the host's CPU.
    /// </summary>
    public TimeSpan WakeGather { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Rows claimed per round.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>Attempts before a message is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>First retry delay; doubles per attempt, with jitter.</summary>
    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest retry delay.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Delay before attempt <paramref name="attempt"/> + 1: exponential, capped, with up to 20% jitter.</summary>
    public TimeSpan RetryDelay(int attempt, double jitter)
    {
        var exponential = BaseRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1));
        var capped = Math.Min(exponential, MaxRetryDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (1 + (0.2 * jitter)));
    }
}
