using Microsoft.AspNetCore.Components;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.UI;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Host.Components.Layout;

/// <summary>
/// The count a module's <see cref="INavBadgeSource"/> gives for one drawer entry, asked again whenever a
/// live update on one of the source's topics arrives.
/// </summary>
public sealed partial class NavBadge : LiveComponentBase
{
    private readonly CancellationTokenSource disposed = new();
    private readonly CancellationToken stopping;
    private int version;

    /// <summary>Creates the badge; its counts stop when it is disposed.</summary>
    public NavBadge()
    {
        stopping = disposed.Token;
    }

    /// <summary>The <see cref="NavItem.BadgeKey"/> to show.</summary>
    [Parameter, EditorRequired]
    public string Key { get; set; } = string.Empty;

    /// <summary>
    /// The count, carried from prerendering into the circuit: without it the badge blinked out on every page
    /// load until the circuit had counted again.
    /// </summary>
    [PersistentState]
    public int Count { get; set; }

    [Inject] private IEnumerable<INavBadgeSource> Sources { get; set; } = default!;

    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;

    [Inject] private ILogger<NavBadge> Logger { get; set; } = default!;

    // A key no enabled module answers for (its module switched off) shows nothing and listens to nothing.
    private INavBadgeSource? Source => Sources.FirstOrDefault(s => string.Equals(s.Key, Key, StringComparison.Ordinal));

    /// <inheritdoc />
    protected override IReadOnlyCollection<string> LiveTopics => Source?.Topics ?? [];

    /// <inheritdoc />
    protected override Task OnInitializedAsync() => RefreshAsync();

    /// <inheritdoc />
    // Every page's drawer counts again after each notice on its topics: a burst costs the count running and one more.
    protected override Task OnLiveUpdateAsync(LiveUpdate update) => RefreshAsync();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        // Unsubscribe first, then stop counts in flight (their token was taken before, so it stays readable).
        base.Dispose(disposing);
        if (disposing)
        {
            disposed.Cancel();
            disposed.Dispose();
        }
    }

    /// <inheritdoc />
    protected override async Task ReloadAsync()
    {
        if (Source is not { } source || !CurrentUser.IsAuthenticated)
        {
            return;
        }

        // Notices come in bursts and counts can finish out of order: only the newest may show.
        var mine = ++version;
        try
        {
            var value = await source.CountAsync(CurrentUser, stopping);
            if (mine == version)
            {
                Count = value;
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The drawer went away (page closed) while counting: nothing to show.
        }
#pragma warning disable CA1031 // The drawer sits outside the page's error boundary: a failed count must not end the circuit.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Logger.LogWarning(ex, "Counting the {BadgeKey} badge failed", Key);
        }
    }
}
