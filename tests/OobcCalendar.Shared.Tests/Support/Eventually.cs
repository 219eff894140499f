using System.Diagnostics;

namespace OobcCalendar.Shared.Tests.Support;

/// <summary>Waits for a condition (never for a fixed time) and fails with a description of what did not happen.</summary>
public static class Eventually
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(20);

    /// <summary>Polls <paramref name="condition"/> until it holds; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public static async Task UntilAsync(
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
                return;
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
    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, string description, Func<string>? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return UntilAsync(
            () => Task.FromResult(condition()),
            timeout,
            description,
            diagnostics is null ? null : () => Task.FromResult(diagnostics()));
    }
}
