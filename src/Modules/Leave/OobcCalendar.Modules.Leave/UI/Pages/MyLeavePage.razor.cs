using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using MudBlazor;
using OobcCalendar.Modules.Leave.Contracts;
using OobcCalendar.Modules.Leave.Features.Balances;
using OobcCalendar.Modules.Leave.Features.Requests;
using OobcCalendar.Modules.Leave.UI.Components;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave.UI.Pages;

/// <summary>The signed-in user's balances and requests, live, with cancelling and the ledger behind each balance.</summary>
public partial class MyLeavePage
{
    /// <summary>What <see cref="CancelLeaveRequest"/> answers the requester once approved leave has begun.</summary>
    internal const string StartedText = "This leave has already started: use \"Ask to cancel\" and your approver can end the rest of it.";

    /// <summary>Shown while the ask to cancel waits for the approver.</summary>
    internal const string AskedText = "You asked your approver to cancel the rest of this leave; waiting for their answer.";

    /// <summary>Shown once the approver declined the ask.</summary>
    internal const string DeclinedText = "Your approver declined to cancel this leave.";

    private IReadOnlyList<LeaveBalance>? balances;
    private IReadOnlyList<MyLeaveRequest>? requests;
    private Guid? cancelling;

    /// <summary>The request just filed from the form, confirmed at the top.</summary>
    [SupplyParameterFromQuery(Name = "filed")]
    public Guid? Filed { get; set; }

    [Inject] private IMediator Mediator { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Inject] private ILogger<MyLeavePage> Logger { get; set; } = default!;

    protected override IReadOnlyCollection<string> LiveTopics => [LeaveTopics.Requests, LeaveTopics.Balances];

    // Leave days are office days: "today" is the office's, as the use cases count it.
    private DateOnly Today => WallClock.Today(Clock, OfficeTime.DefaultTimeZoneId);

    protected override Task OnInitializedAsync() => RefreshAsync();

    protected override Task OnLiveUpdateAsync(LiveUpdate update) => RefreshAsync();

    /// <inheritdoc />
    protected override async Task ReloadAsync()
    {
        balances = await Mediator.Send(new GetMyBalances());
        requests = await Mediator.Send(new ListMyLeaveRequests());
    }

    private void DismissFiled() => Filed = null;

    private bool CanCancel(MyLeaveRequest request) =>
        request.Status == "Pending" || (request.Status == "Approved" && request.FirstDay > Today);

    private string? StartedNote(MyLeaveRequest request) =>
        request.Status == "Approved" && request.FirstDay <= Today && request.LastDay >= Today
            ? request.CancelAsk switch { "Asked" => AskedText, "Declined" => DeclinedText, _ => StartedText }
            : null;

    private async Task CancelAsync(MyLeaveRequest request)
    {
        var when = LeaveUiText.Range(request.FirstDay, request.LastDay);
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            $"Cancel {request.LeaveTypeName.ToLowerInvariant()}?",
            $"{when} ({LeaveUiText.Days(request.Days)}).{(request.Status == "Approved" ? " The days come back to your balance and your approver is told." : " Your approver is told.")}",
            yesText: "Cancel request",
            cancelText: "Keep it");
        if (confirmed != true)
        {
            return;
        }

        cancelling = request.RequestId;
        if (await Snackbar.TryAsync(() => Mediator.Send(new CancelLeaveRequest(request.RequestId)).AsTask(), $"Cancelled {request.LeaveTypeName.ToLowerInvariant()}, {when}.", Logger))
        {
            await RefreshAsync();
        }

        cancelling = null;
    }

    private Task ShowLedgerAsync(LeaveBalance balance)
    {
        var parameters = new DialogParameters<LedgerDialog>
        {
            { d => d.LeaveTypeId, balance.LeaveTypeId },
            { d => d.Year, Today.Year },
        };
        return Dialogs.ShowAsync<LedgerDialog>($"{balance.Name}: entries {Today.Year}", parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true });
    }

    private string StatusText(MyLeaveRequest request) => request.Status switch
    {
        "Approved" when request.LastDay < Today => "Taken",
        "Pending" when request.Stage == "SecondLevel" => "Pending (2nd approval)",
        _ => request.Status,
    };

    private static Color StatusColor(string status) => status switch
    {
        "Pending" => Color.Warning,
        "Approved" => Color.Success,
        "Rejected" => Color.Error,
        _ => Color.Default,
    };

    private static string RowClass(MyLeaveRequest request) =>
        request.Status is "Cancelled" or "Rejected" ? "oobc-leave-row oobc-leave-closed" : "oobc-leave-row";
}
