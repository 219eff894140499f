using System.Diagnostics;

namespace OobcCalendar.Testing;

/// <summary>
/// The one way tests wait: for a condition, never for a fixed time. Every overload returns how long the
/// condition took, so a test can print the figure instead of asserting a tight, machine-dependent bound.
/// The timeout is a generous ceiling that fails only when the thing never happens.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(20);

    /// <summary>Polls <paramref name="condition"/> until it holds; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    /// <returns>The time from the call until the condition first held.</returns>
    public static async Task<TimeSpan> UntilAsync(
        Func<Task<bool>> condition,
        TimeSpan timeout,
        string description,
        Func<Task<string>>? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (await condition())
            {
                return watch.Elapsed;
            }

            if (watch.Elapsed > timeout)
            {
                var details = diagnostics is null ? string.Empty : Environment.NewLine + await diagnostics();
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0.#} s waiting for: {description}{details}");
            }

            await Task.Delay(PollEvery);
        }
    }

    /// <summary>Synchronous-condition overload.</summary>
    public static Task<TimeSpan> UntilAsync(Func<bool> condition, TimeSpan timeout, string description, Func<string>? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return UntilAsync(
            () => Task.FromResult(condition()),
            timeout,
            description,
            diagnostics is null ? null : () => Task.FromResult(diagnostics()));
    }

    /// <summary>The short form: waits for <paramref name="condition"/> and returns the elapsed time.</summary>
    public static Task<TimeSpan> Until(Func<bool> condition, TimeSpan timeout) =>
        UntilAsync(condition, timeout, "the condition");

    /// <summary>The short form for an asynchronous condition.</summary>
    public static Task<TimeSpan> Until(Func<Task<bool>> condition, TimeSpan timeout) =>
        UntilAsync(condition, timeout, "the condition");
}
