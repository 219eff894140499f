using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.UI;
using Shouldly;

namespace OobcCalendar.Shared.UI.Tests.Live;

/// <summary>
/// A live screen that reloads through <see cref="CoalescingRefresh"/>: N notices while a slow reload runs give at most
/// two reloads, and the screen ends showing the last state.
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

    /// <summary>The screen under test: shows the source's value as of its last reload.</summary>
    private sealed class SlowLiveScreen : LiveComponentBase
    {
        public const string Topic = "test.slow";
        private readonly CoalescingRefresh live;
        private int? shown;

        public SlowLiveScreen() => live = new CoalescingRefresh(LoadAsync);

        [Inject] private SlowSource Source { get; set; } = default!;

        protected override IReadOnlyCollection<string> LiveTopics => [Topic];

        protected override Task OnLiveUpdateAsync(LiveUpdate update) => live.RequestAsync();

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "span");
            builder.AddAttribute(1, "data-testid", "shown");
            builder.AddContent(2, shown?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing yet");
            builder.CloseElement();
        }

        private async Task LoadAsync() => shown = await Source.ReadSlowlyAsync();
    }

    /// <summary>A data source whose first read waits until the test releases it.</summary>
    private sealed class SlowSource
    {
        private readonly TaskCompletionSource gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int reloads;

        public TaskCompletionSource ReloadStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Value { get; set; }

        public int Reloads => Volatile.Read(ref reloads);

        public void Release() => gate.TrySetResult();

        public async Task<int> ReadSlowlyAsync()
        {
            Interlocked.Increment(ref reloads);
            ReloadStarted.TrySetResult();
            await gate.Task;
            return Value;
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
