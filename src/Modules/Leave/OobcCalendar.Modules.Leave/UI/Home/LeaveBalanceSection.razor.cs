using Mediator;
using Microsoft.AspNetCore.Components;
using OobcCalendar.Modules.Leave.Contracts;
using OobcCalendar.Modules.Leave.Features.Balances;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.LiveUpdates;

namespace OobcCalendar.Modules.Leave.UI.Home;

/// <summary>
/// "Leave balance" on Home: <see cref="GetMyBalances"/>, re-read when a ledger entry is booked for me or a request
/// changes (pending days). Types charged to another's credits (mandatory leave) and types with nothing in them and
/// nothing pending are left out: the card is a glance, My leave has every line.
/// </summary>
public sealed partial class LeaveBalanceSection
{
    private IReadOnlyList<LeaveBalance>? balances;
    private string? error;

    [Inject] private IMediator Mediator { get; set; } = default!;

    /// <inheritdoc />
    protected override IReadOnlyCollection<string> LiveTopics { get; } = [LeaveTopics.Balances, LeaveTopics.Requests];

    private List<LeaveBalance> Shown => [.. (balances ?? []).Where(b => b.Balance is not null && b.ChargedToCode is null && (b.Balance != 0 || b.Pending != 0))];

    /// <inheritdoc />
    protected override Task OnInitializedAsync() => RefreshAsync();

    /// <inheritdoc />
    protected override Task OnLiveUpdateAsync(LiveUpdate update) => RefreshAsync();

    /// <inheritdoc />
    protected override async Task ReloadAsync()
    {
        try
        {
            balances = await Mediator.Send(new GetMyBalances());
            error = null;
        }
        catch (UserFacingException ex)
        {
            error = ex.Message;
        }
    }
}
