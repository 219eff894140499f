using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using MudBlazor;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Modules.Resources.Features.Bookings;
using OobcCalendar.Shared.UI.Approvals;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.UI;
using OobcCalendar.Shared.Users;
using OobcCalendar.Shared.Time;

namespace OobcCalendar.Modules.Resources.UI.Components;

/// <summary>The approver's live list of pending bookings, decided one by one or many at once.</summary>
public sealed partial class BookingApprovalsPanel : LiveComponentBase
{
    private readonly HashSet<Guid> selected = [];
    private readonly Dictionary<Guid, string> failures = [];
    private readonly Dictionary<Guid, DirectoryUser> requesters = [];
    private IReadOnlyList<PendingApproval>? pending;
    private bool deciding;
    private int loadVersion;

    [Inject] private IMediator Mediator { get; set; } = default!;

    [Inject] private IUserDirectory Directory { get; set; } = default!;

    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Inject] private ILogger<BookingApprovalsPanel> Logger { get; set; } = default!;

    // Resources too: a change of approvers adds or removes whole requests from my list.
    protected override IReadOnlyCollection<string> LiveTopics => [ResourcesTopics.Bookings, ResourcesTopics.Resources];

    protected override Task OnInitializedAsync() => RefreshAsync();

    protected override Task OnLiveUpdateAsync(LiveUpdate update) => Snackbar.TryAsync(RefreshAsync, null, Logger);

    /// <inheritdoc />
    protected override async Task ReloadAsync()
    {
        // Notices can arrive in bursts; only the newest query may replace the list.
        var version = ++loadVersion;
        var list = await Mediator.Send(new ListPendingApprovals());
        var unknown = list.Select(p => p.Booking.RequesterId).Where(id => !requesters.ContainsKey(id)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            foreach (var user in await Directory.GetManyAsync(unknown, CancellationToken.None))
            {
                requesters[user.Id] = user;
            }
        }

        if (version != loadVersion)
        {
            return;
        }

        pending = list;
        var present = list.Select(p => p.Booking.Id).ToHashSet();
        selected.IntersectWith(present);
        foreach (var gone in failures.Keys.Where(id => !present.Contains(id)).ToList())
        {
            failures.Remove(gone);
        }
    }

    private TimeSpan Waited(BookingItem booking) => Clock.GetUtcNow() - booking.CreatedAt;

    private static string? RowStyle(PendingApproval item) =>
        item.Conflicts.Count > 0 ? "border-left: 4px solid var(--mud-palette-warning)" : null;

    private void Toggle(Guid id, bool on)
    {
        if (on)
        {
            selected.Add(id);
        }
        else
        {
            selected.Remove(id);
        }
    }

    private void SelectAll(bool? on)
    {
        selected.Clear();
        if (on != false && pending is not null)
        {
            selected.UnionWith(pending.Select(p => p.Booking.Id));
        }
    }

    private Task ApproveAsync(PendingApproval item) => DecideAsync([item.Booking.Id], approve: true, reason: null);

    private async Task RejectAsync(PendingApproval item)
    {
        var booking = item.Booking;
        var reason = await AskReasonAsync($"Reject the request for {booking.ResourceName}, {TimeText.Range(booking.Start, booking.End, CurrentUser.TimeZoneId)}?");
        if (reason is not null)
        {
            await DecideAsync([booking.Id], approve: false, reason);
        }
    }

    private Task ApproveSelectedAsync() => DecideAsync(selected.ToList(), approve: true, reason: null);

    private async Task RejectSelectedAsync()
    {
        var ids = selected.ToList();
        var reason = await AskReasonAsync($"Reject {ids.Count} selected {(ids.Count == 1 ? "request" : "requests")}? Every requester gets the same reason.");
        if (reason is not null)
        {
            await DecideAsync(ids, approve: false, reason);
        }
    }

    private async Task<string?> AskReasonAsync(string summary)
    {
        var parameters = new DialogParameters<RejectReasonDialog> { { d => d.Summary, summary } };
        var dialog = await Dialogs.ShowAsync<RejectReasonDialog>("Reason for rejection", parameters);
        return await dialog.Result is { Canceled: false, Data: string reason } ? reason : null;
    }

    private async Task DecideAsync(IReadOnlyList<Guid> ids, bool approve, string? reason)
    {
        if (ids.Count == 0)
        {
            return;
        }

        deciding = true;
        DecisionOutcome? outcome = null;
        try
        {
            // A single request that lost a race throws ConflictException: TryAsync shows it as a warning.
            await Snackbar.TryAsync(async () => outcome = await Mediator.Send(new DecideBookings(ids, approve, reason)), null, Logger);
        }
        finally
        {
            deciding = false;
        }

        // Reload either way: after a lost race the list on screen is stale.
        await Snackbar.TryAsync(RefreshAsync, null, Logger);
        if (outcome is not null)
        {
            Report(outcome, approve);
        }
    }

    private void Report(DecisionOutcome outcome, bool approve)
    {
        foreach (var id in outcome.Decided)
        {
            failures.Remove(id);
            selected.Remove(id);
        }

        if (outcome.Decided.Count > 0)
        {
            var count = outcome.Decided.Count;
            Snackbar.Add($"{(approve ? "Approved" : "Rejected")} {count} {(count == 1 ? "request" : "requests")}.", Severity.Success);
        }

        var shown = pending?.Select(p => p.Booking.Id).ToHashSet() ?? [];
        foreach (var (id, message) in outcome.Failed)
        {
            if (shown.Contains(id))
            {
                failures[id] = message;
            }
        }

        // Requests that failed and are gone (decided elsewhere) have no row to carry the message.
        foreach (var message in outcome.Failed.Where(f => !shown.Contains(f.Key)).Select(f => f.Value).Distinct())
        {
            Snackbar.Add(message, Severity.Warning);
        }

        if (outcome.Failed.Count > 0 && outcome.Failed.Keys.Any(shown.Contains))
        {
            Snackbar.Add($"{outcome.Failed.Count} could not be {(approve ? "approved" : "rejected")}; see the marked requests.", Severity.Warning);
        }
    }
}
