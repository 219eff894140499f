namespace OobcCalendar.Shared.UI;

/// <summary>
/// Runs a screen's reload for a burst of live notices without queuing one reload per notice: the first request starts a
/// reload; requests made while it runs only mark the screen dirty, and exactly one more reload runs after it (it reads
/// the state as it is then, so it covers every notice heard meanwhile). Without this, 600 check-ins in a minute made a
/// desk run 600 full reloads one after another and fall seconds behind (ADR 0029 notes).
/// </summary>
/// <remarks>
/// Thread-safe, and keeps the caller's synchronisation context: requested from a component's dispatcher, every reload
/// runs there. A reload that throws fails the requests it covered and does not stop the one after it.
/// </remarks>
public sealed class CoalescingRefresh(Func<Task> reload)
{
    private readonly Lock gate = new();
    private bool running;
    private TaskCompletionSource? next;

    /// <summary>How many reloads have started (for tests and measurements).</summary>
    public int Started { get; private set; }

    /// <summary>
    /// Asks for a reload that starts after this call. Returns when such a reload has finished: at once when none is
    /// running, else after the one following the running reload (shared by every request made meanwhile).
    /// </summary>
    public Task RequestAsync()
    {
        TaskCompletionSource mine;
        lock (gate)
        {
            if (running)
            {
                next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                return next.Task;
            }

            running = true;
            mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        _ = RunAsync(mine);
        return mine.Task;
    }

    private async Task RunAsync(TaskCompletionSource current)
    {
        while (true)
        {
            try
            {
                lock (gate)
                {
                    Started++;
                }

                await reload();
                current.TrySetResult();
            }
#pragma warning disable CA1031 // The reload's failure belongs to the requests it covered; the dirty flag must still be honoured.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                current.TrySetException(ex);
            }

            lock (gate)
            {
                if (next is null)
                {
                    running = false;
                    return;
                }

                (current, next) = (next, null);
            }
        }
    }
}
