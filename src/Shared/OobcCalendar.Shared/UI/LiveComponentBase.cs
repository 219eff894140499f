using Microsoft.AspNetCore.Components;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Shared.UI;

/// <summary>
/// Base for screens that refresh themselves when a change they show is committed anywhere. Override
/// <see cref="LiveTopics"/> and <see cref="OnLiveUpdateAsync"/>; the subscription lives as long as the component.
/// </summary>
public abstract class LiveComponentBase : ComponentBase, IDisposable
{
    private IDisposable? subscription;
    private CoalescingRefresh? refresh;
    private ITimer? refreshAt;
    private bool disposed;

    [Inject]
    private ILiveUpdates LiveUpdates { get; set; } = default!;

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    /// <summary>Topics this screen listens to.</summary>
    protected abstract IReadOnlyCollection<string> LiveTopics { get; }

    /// <summary>Called on the component's dispatcher for each matching notice (and after a resync).</summary>
    protected abstract Task OnLiveUpdateAsync(LiveUpdate update);

    /// <inheritdoc />
    protected override void OnInitialized()
    {
        // Only an interactive circuit can be pushed to; prerendering must not subscribe.
        if (RendererInfo.IsInteractive)
        {
            subscription = LiveUpdates.Subscribe(LiveTopics, CircuitUserId(), update => InvokeAsync(async () =>
            {
                await OnLiveUpdateAsync(update);
                StateHasChanged();
            }));
        }
    }

    /// <summary>
    /// Re-reads what the screen shows. A screen that re-reads on notices overrides this and asks for it only through
    /// <see cref="RefreshAsync"/> (on first render, on each notice and after its own actions), never directly.
    /// </summary>
    protected virtual Task ReloadAsync() => Task.CompletedTask;

    /// <summary>
    /// Runs <see cref="ReloadAsync"/> so that two never overlap: a request made while one runs is served by exactly one
    /// more after it (<see cref="CoalescingRefresh"/>). Overlapping reloads let a read begun before a change finish
    /// after a newer one and put the old state back on screen (a burst of notices, or a notice during a reload of the
    /// screen's own making); the returned task ends when a reload begun after this call has finished.
    /// </summary>
    protected Task RefreshAsync() => (refresh ??= new CoalescingRefresh(ReloadAsync)).RequestAsync();

    /// <summary>
    /// Asks for one more <see cref="RefreshAsync"/> at <paramref name="at"/>, replacing an earlier ask (null: none). For
    /// what a screen shows that changes at an instant rather than on a notice, e.g. a bell line that becomes visible at
    /// its due time. An instant more than a day away is looked at again after a day. Only an interactive circuit has a
    /// timer; the one left is disposed with the component.
    /// </summary>
    protected void RefreshAt(DateTimeOffset? at)
    {
        refreshAt?.Dispose();
        refreshAt = null;
        if (at is not { } instant || disposed || !RendererInfo.IsInteractive)
        {
            return;
        }

        // Looked up here, not injected, so component tests of screens that never call this need not register a clock.
        var clock = Services.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;
        var due = instant - clock.GetUtcNow();
        due = due < TimeSpan.Zero ? TimeSpan.Zero : due > TimeSpan.FromDays(1) ? TimeSpan.FromDays(1) : due;
        refreshAt = clock.CreateTimer(_ => _ = InvokeAsync(async () =>
        {
            await RefreshAsync();
            StateHasChanged();
        }), null, due, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// Whose circuit this is, so notices with an audience reach only their users' screens. Read once: a circuit
    /// belongs to one user (signing out ends it). Optional, so component tests without a user still render.
    /// </summary>
    private Guid? CircuitUserId() =>
        Services.GetService(typeof(ICurrentUser)) is ICurrentUser { IsAuthenticated: true } user ? user.Id : null;

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Unsubscribes and stops the <see cref="RefreshAt"/> timer.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            disposed = true;
            subscription?.Dispose();
            refreshAt?.Dispose();
        }
    }
}
