using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.UI;
using Shouldly;

namespace OobcCalendar.Shared.UI.Tests.Live;

/// <summary>
/// A live screen that reloads through <see cref="LiveComponentBase.RefreshAsync"/> (a <see cref="CoalescingRefresh"/>):
/// N notices while a slow reload runs give at most two reloads, reloads never overlap, and the screen ends showing the
/// last state, even when an older read is the slow one.
/// </summary>
public sealed class LiveComponentCoalescingTests : MudTestContext
{
    private readonly NoticeBoard board = new();
    private readonly SlowSource source = new();

    public LiveComponentCoalescingTests()
    {
        Services.AddSingleton<ILiveUpdates>(board);
        Services.AddSingleton(source);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public async Task Notices_WhenTwentyArriveDuringASlowReload_ReloadAtMostTwiceAndShowTheLastState()
    {
        var cut = Render<SlowLiveScreen>();
        cut.Find("[data-testid=shown]").TextContent.ShouldBe("nothing yet");

        source.Value = 1;
        var handled = new List<Task> { board.Publish(new LiveUpdate(SlowLiveScreen.Topic)) };
        await source.ReloadStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        for (var i = 2; i <= 20; i++)
        {
            source.Value = i;
            handled.Add(board.Publish(new LiveUpdate(SlowLiveScreen.Topic)));
        }

        source.Release();
        await Task.WhenAll(handled).WaitAsync(TimeSpan.FromSeconds(10));

        cut.WaitForAssertion(() => cut.Find("[data-testid=shown]").TextContent.ShouldBe("20"));
        source.Reloads.ShouldBe(2);
    }

    [Fact]
    public async Task Refresh_WhenTheScreensOwnSlowReadOfAnOlderStateIsOvertakenByANotice_ThenTheNewerStateStaysOnScreen()
    {
        var cut = Render<SlowLiveScreen>();
        source.Release(); // the first render's read
        cut.WaitForAssertion(() => cut.Find("[data-testid=shown]").TextContent.ShouldBe("0"));

        // The screen's own action re-reads while the state is 1; that read is slow.
        source.HoldNextRead();
        source.Value = 1;
        var own = cut.InvokeAsync(() => cut.Instance.AfterOwnActionAsync());
        await source.ReadHeld.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // Meanwhile another change commits (2) and its notice arrives; its read would be fast.
        source.Value = 2;
        var notice = board.Publish(new LiveUpdate(SlowLiveScreen.Topic));
        source.Release();
        await Task.WhenAll(own, notice).WaitAsync(TimeSpan.FromSeconds(10));

        cut.WaitForAssertion(() => cut.Find("[data-testid=shown]").TextContent.ShouldBe("2"));
        source.MostAtOnce.ShouldBe(1, "two reloads overlapped: the older, slower one could finish last");
    }

    /// <summary>The screen under test: shows the source's value as of its last reload.</summary>
    private sealed class SlowLiveScreen : LiveComponentBase
    {
        public const string Topic = "test.slow";
        private int? shown;

        [Inject] private SlowSource Source { get; set; } = default!;

        protected override IReadOnlyCollection<string> LiveTopics => [Topic];

        public Task AfterOwnActionAsync() => RefreshAsync();

        protected override Task OnInitializedAsync() => RefreshAsync();

        protected override Task OnLiveUpdateAsync(LiveUpdate update) => RefreshAsync();

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "span");
            builder.AddAttribute(1, "data-testid", "shown");
            builder.AddContent(2, shown?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing yet");
            builder.CloseElement();
        }

        protected override async Task ReloadAsync() => shown = await Source.ReadSlowlyAsync();
    }

    /// <summary>
    /// A data source whose reads take the value as it is when they start (a query's snapshot) and wait until the test
    /// releases them: every read at first, then only a read the test holds.
    /// </summary>
    private sealed class SlowSource
    {
        private TaskCompletionSource gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int reloads;
        private int running;
        private int mostAtOnce;

        public TaskCompletionSource ReloadStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource ReadHeld { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Value { get; set; }

        public int Reloads => Volatile.Read(ref reloads);

        public int MostAtOnce => Volatile.Read(ref mostAtOnce);

        public void Release() => gate.TrySetResult();

        public void HoldNextRead()
        {
            gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            ReadHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        public async Task<int> ReadSlowlyAsync()
        {
            Interlocked.Increment(ref reloads);
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref mostAtOnce, now);
            var value = Value;
            ReloadStarted.TrySetResult();
            ReadHeld.TrySetResult();
            try
            {
                await gate.Task;
                return value;
            }
            finally
            {
                Interlocked.Decrement(ref running);
            }
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }

    /// <summary>The hub's fan-out without PostgreSQL: each notice calls every subscriber, as LiveUpdateHub.Dispatch does.</summary>
    private sealed class NoticeBoard : ILiveUpdates
    {
        private readonly List<Func<LiveUpdate, Task>> handlers = [];

        public IDisposable Subscribe(IReadOnlyCollection<string> topics, Guid? userId, Func<LiveUpdate, Task> handler)
        {
            handlers.Add(handler);
            return new Unsubscribe(() => handlers.Remove(handler));
        }

        public Task PublishAsync(LiveUpdate update, CancellationToken cancellationToken) => Publish(update);

        public Task Publish(LiveUpdate update) => Task.WhenAll(handlers.ToList().Select(h => h(update)));

        private sealed class Unsubscribe(Action action) : IDisposable
        {
            public void Dispose() => action();
        }
    }
}
