using OobcCalendar.Shared.UI;
using Shouldly;

namespace OobcCalendar.Shared.UI.Tests.Live;

/// <summary>ADR 0029 notes: a burst of notices during a slow reload costs the running reload and exactly one more.</summary>
public sealed class CoalescingRefreshTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task RequestAsync_WhenManyArriveDuringASlowReload_RunsOneMoreReloadThatSeesTheLastState()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var source = 0;
        var seen = new List<int>();
        var refresh = new CoalescingRefresh(async () =>
        {
            await gate.Task;
            seen.Add(Volatile.Read(ref source));
        });

        var first = refresh.RequestAsync();
        var during = new List<Task>();
        for (var i = 1; i <= 50; i++)
        {
            Volatile.Write(ref source, i);
            during.Add(refresh.RequestAsync());
        }

        gate.SetResult();
        await Task.WhenAll(during.Append(first)).WaitAsync(Patience);

        refresh.Started.ShouldBe(2);
        seen.ShouldBe([50, 50]);
        during.Distinct().Count().ShouldBe(1, "every request made during the reload shares the one after it");
    }

    [Fact]
    public async Task RequestAsync_WhenIdleAgain_StartsANewReload()
    {
        var refresh = new CoalescingRefresh(() => Task.CompletedTask);

        await refresh.RequestAsync().WaitAsync(Patience);
        await refresh.RequestAsync().WaitAsync(Patience);

        refresh.Started.ShouldBe(2);
    }

    [Fact]
    public async Task RequestAsync_WhenAReloadFails_FailsItsRequestsAndStillRunsTheNextOne()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        var refresh = new CoalescingRefresh(async () =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                await gate.Task;
                throw new InvalidOperationException("database went away");
            }
        });

        var failing = refresh.RequestAsync();
        var after = refresh.RequestAsync();
        gate.SetResult();

        await Should.ThrowAsync<InvalidOperationException>(failing.WaitAsync(Patience));
        await after.WaitAsync(Patience);
        refresh.Started.ShouldBe(2);
    }
}
