using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using MudBlazor;
using OobcCalendar.Modules.Leave.Contracts;
using OobcCalendar.Modules.Leave.Features.Requests;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.UI;
using OobcCalendar.Shared.UI.Approvals;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave.UI.Components;

/// <summary>
/// The approver's live list of pending leave (ListLeaveToDecide), with who else is out then (GetWhosOut), decided one
/// by one or many at once. A row that goes while nobody here decided it was decided by another approver (or withdrawn):
/// the approver is told, so a request does not silently vanish under their cursor.
/// </summary>
public sealed partial class LeaveApprovalsPanel : LiveComponentBase
{
    private readonly HashSet<Guid> selected = [];
    private readonly HashSet<Guid> decidedHere = [];
    private readonly Dictionary<Guid, string> failures = [];
    private IReadOnlyList<LeaveToDecide>? pending;
    private IReadOnlyList<PersonOut> away = [];
    private bool deciding;

    [Inject] private IMediator Mediator { get; set; } = default!;

    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Inject] private ILogger<LeaveApprovalsPanel> Logger { get; set; } = default!;

    /// <inheritdoc />
    protected override IReadOnlyCollection<string> LiveTopics => [LeaveTopics.Requests];

    /// <inheritdoc />
    protected override Task OnInitializedAsync() => RefreshAsync();

    /// <inheritdoc />
    protected override Task OnLiveUpdateAsync(LiveUpdate update) => Snackbar.TryAsync(RefreshAsync, null, Logger);

    /// <inheritdoc />
    protected override async Task ReloadAsync()
    {
        // Reloads never overlap (RefreshAsync), so this list is never older than the one on screen.
        var list = await Mediator.Send(new ListLeaveToDecide());
        var absent = await WhosOutAsync(list);

        var before = pending;
        pending = list;
        away = absent;
        var present = list.Select(p => p.RequestId).ToHashSet();
        selected.IntersectWith(present);
        foreach (var gone in failures.Keys.Where(id => !present.Contains(id)).ToList())
        {
            failures.Remove(gone);
        }

        foreach (var gone in (before ?? []).Where(r => !present.Contains(r.RequestId) && !decidedHere.Contains(r.RequestId)))
        {
            Snackbar.Add($"{gone.PersonName}'s {gone.LeaveTypeName.ToLowerInvariant()} request no longer waits for you: another approver decided it, or it was withdrawn.", Severity.Info);
        }

        decidedHere.IntersectWith(present);
    }

    // One window over every pending request (GetWhosOut allows up to 62 days): a long request beyond it shows what fits.
    private async Task<IReadOnlyList<PersonOut>> WhosOutAsync(IReadOnlyList<LeaveToDecide> list)
    {
        if (list.Count == 0)
        {
            return [];
        }

        var from = list.Min(r => r.FirstDay);
        var to = list.Max(r => r.LastDay);
        var last = from.AddDays(GetWhosOutHandler.MaxDays - 1);
        return await Mediator.Send(new GetWhosOut(from, to < last ? to : last));
    }

    private List<PersonOut> OthersOut(LeaveToDecide request) =>
        [.. away.Where(a => a.PersonId != request.PersonId && a.FirstDay <= request.LastDay && a.LastDay >= request.FirstDay)];

    private List<LeaveToDecide> Overlapping(LeaveToDecide request) =>
        [.. (pending ?? []).Where(o => o.RequestId != request.RequestId && o.PersonId != request.PersonId && o.FirstDay <= request.LastDay && o.LastDay >= request.FirstDay)];

    private TimeSpan Waited(LeaveToDecide request) => Clock.GetUtcNow() - request.FiledAt;

    private static string Span(DateOnly first, DateOnly last) => last <= first ? TimeText.Day(first) : $"{TimeText.Day(first)} – {TimeText.Day(last)}";

    private static string Dates(LeaveToDecide r)
    {
        var first = r.FirstDayPart == "Full" ? TimeText.Date(r.FirstDay) : $"{TimeText.Date(r.FirstDay)} ({r.FirstDayPart.ToLowerInvariant()})";
        if (r.LastDay == r.FirstDay)
        {
            return first;
        }

        var last = r.LastDayPart == "Full" ? TimeText.Date(r.LastDay) : $"{TimeText.Date(r.LastDay)} ({r.LastDayPart.ToLowerInvariant()})";
        return $"{first} – {last}";
    }

    private static string DaysText(decimal days) =>
        $"{days.ToString("0.#", CultureInfo.InvariantCulture)} working {(days == 1 ? "day" : "days")}";

    // Available is what is left once every pending request is held, this one included (GetMyBalances' figure): the
    // balance this request draws on is that plus its own days, and Available itself is what remains after it.
    private static string Balance(LeaveToDecide r) => r.Available switch
    {
        null => "No credits kept for this type",
        { } after when after < 0 => $"Balance {Figure(after + r.Days)} days: short by {Figure(-after)}",
        { } after => $"Balance {Figure(after + r.Days)} days, {Figure(after)} after this",
    };

    private static string Figure(decimal days) => days.ToString("0.###", CultureInfo.InvariantCulture);

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
            selected.UnionWith(pending.Where(p => p.CancelAskReason is null).Select(p => p.RequestId));
        }
    }

    private Task ApproveAsync(LeaveToDecide request) => DecideAsync([request.RequestId], reason: null);

    private async Task RejectAsync(LeaveToDecide request)
    {
        var reason = await AskReasonAsync($"Reject {request.PersonName}'s {request.LeaveTypeName.ToLowerInvariant()}, {Dates(request)}?");
        if (reason is not null)
        {
            await DecideAsync([request.RequestId], reason);
        }
    }

    // An ask to cancel leave under way: confirming is the approver's cancel (days from tomorrow come back), declining keeps it.
    private async Task AnswerCancelAskAsync(LeaveToDecide request, bool confirm)
    {
        deciding = true;
        decidedHere.Add(request.RequestId);
        var done = await Submit.RunAsync(
            () => confirm ? Mediator.Send(new CancelLeaveRequest(request.RequestId)).AsTask() : Mediator.Send(new DeclineLeaveCancel(request.RequestId)).AsTask(),
            Snackbar,
            success: confirm ? $"Cancelled the rest of {request.PersonName}'s leave." : $"Declined: {request.PersonName}'s leave stands.",
            logger: Logger);
        deciding = false;
        await Snackbar.TryAsync(RefreshAsync, null, Logger);
        if (done.Succeeded)
        {
            decidedHere.Remove(request.RequestId);
        }
    }

    private Task ApproveSelectedAsync() => DecideAsync([.. selected], reason: null);

    private async Task RejectSelectedAsync()
    {
        var ids = selected.ToList();
        var reason = await AskReasonAsync($"Reject {ids.Count} selected {(ids.Count == 1 ? "request" : "requests")}? Every requester gets the same reason.");
        if (reason is not null)
        {
            await DecideAsync(ids, reason);
        }
    }

    private async Task<string?> AskReasonAsync(string summary)
    {
        var parameters = new DialogParameters<RejectReasonDialog> { { d => d.Summary, summary } };
        var dialog = await Dialogs.ShowAsync<RejectReasonDialog>("Reason for rejection", parameters);
        return await dialog.Result is { Canceled: false, Data: string reason } ? reason : null;
    }

    // Each request is its own decision (its own transaction and concurrency check): one lost race fails only that row.
    private async Task DecideAsync(IReadOnlyList<Guid> ids, string? reason)
    {
        if (ids.Count == 0)
        {
            return;
        }

        deciding = true;
        var decided = 0;
        try
        {
            foreach (var id in ids)
            {
                try
                {
                    decidedHere.Add(id);
                    _ = reason is null ? await Mediator.Send(new ApproveLeaveRequest(id)) : await Mediator.Send(new RejectLeaveRequest(id, reason));
                    decided++;
                    failures.Remove(id);
                    selected.Remove(id);
                }
                catch (UserFacingException ex)
                {
                    // Stays in decidedHere through the reload: this message, not the "no longer waits" one, explains it.
                    failures[id] = ex.Message;
                }
            }
        }
        finally
        {
            deciding = false;
        }

        // Reload either way: after a lost race the list on screen is stale.
        var failedNow = failures.Where(f => ids.Contains(f.Key)).ToList();
        await Snackbar.TryAsync(RefreshAsync, null, Logger);
        // Decided rows stay marked until a load that is applied drops them (ReloadAsync prunes the mark): the reload above
        // may be overtaken by a live notice's load, which must not report this approver's own decision as someone else's.
        // A failed row still listed is unmarked, so a later decision elsewhere is reported again.
        decidedHere.ExceptWith(ids.Where(id => failures.ContainsKey(id) && pending?.Any(p => p.RequestId == id) == true));
        if (decided > 0)
        {
            Snackbar.Add($"{(reason is null ? "Approved" : "Rejected")} {decided} {(decided == 1 ? "request" : "requests")}.", Severity.Success);
        }

        // Decided elsewhere meanwhile (the reload dropped their rows): no row left to carry the message.
        foreach (var message in failedNow.Where(f => !failures.ContainsKey(f.Key)).Select(f => f.Value).Distinct())
        {
            Snackbar.Add(message, Severity.Warning);
        }

        if (failures.Keys.Any(id => ids.Contains(id)))
        {
            Snackbar.Add("Some requests could not be decided; see the marked requests.", Severity.Warning);
        }
    }
}
