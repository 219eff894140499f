using System.Collections.Concurrent;

namespace OobcCalendar.Modules.Sharing.Features.Pins;

/// <summary>
/// Wrong PINs per link: after <see cref="MaxWrong"/> wrong ones within <see cref="Window"/> the link refuses every PIN
/// (the right one too, or guessing would simply go on) until the window has passed. A PIN is 4 to 8 digits, so without
/// this 10,000 guesses would open a 4-digit link; the HTTP limiter per token and address cannot help here, because the
/// public page takes its PIN over the Blazor circuit, not in a request. Kept in memory per host (ADR 0032).
/// </summary>
internal sealed class SharePinAttempts(TimeProvider clock)
{
    public const int MaxWrong = 5;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<Guid, Attempts> attempts = new();

    /// <summary>How long until the link takes PINs again; null when it takes them now.</summary>
    public TimeSpan? LockedFor(Guid linkId)
    {
        var now = clock.GetUtcNow();
        if (!attempts.TryGetValue(linkId, out var a) || now - a.Since >= Window)
        {
            return null;
        }

        return a.Wrong >= MaxWrong ? a.Since + Window - now : null;
    }

    /// <summary>Counts one wrong PIN; the first one opens a window of <see cref="Window"/>.</summary>
    public void RecordWrong(Guid linkId)
    {
        var now = clock.GetUtcNow();
        attempts.AddOrUpdate(linkId, _ => new Attempts(now, 1), (_, a) => now - a.Since >= Window ? new Attempts(now, 1) : a with { Wrong = a.Wrong + 1 });
    }

    private sealed record Attempts(DateTimeOffset Since, int Wrong);
}

/// <summary>Too many wrong PINs for this link lately; the page says when to try again.</summary>
internal sealed class SharePinLockedException(TimeSpan retryAfter)
    : OobcCalendar.Shared.Errors.UserFacingException(Describe(retryAfter), 429)
{
    public TimeSpan RetryAfter { get; } = retryAfter;

    private static string Describe(TimeSpan retryAfter)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes));
        return $"Too many wrong PINs. Try again in {minutes} minute{(minutes == 1 ? string.Empty : "s")}.";
    }
}
