using Mediator;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using OobcCalendar.Modules.Leave.Features.Approvers;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave.UI.Components;

/// <summary>
/// Shows a manager's current and upcoming substitute approvers, lets them (or Admin) name one for a date range and end
/// it early. Without <see cref="ManagerId"/> it is the signed-in user's own card and stays hidden for people nobody
/// reports to (unless they stand in for someone).
/// </summary>
public sealed partial class SubstituteApproverCard
{
    private SubstituteApprovers? view;
    private Guid substituteId;
    private DateTime? from;
    private DateTime? to;
    private bool busy;
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();

    /// <summary>The manager whose substitute Admin sets; null for the signed-in user's own.</summary>
    [Parameter] public Guid? ManagerId { get; set; }

    [Inject] private IMediator Mediator { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        var today = WallClock.Today(Clock, OfficeTime.DefaultTimeZoneId).ToDateTime(TimeOnly.MinValue);
        (from, to, substituteId, errors) = (today, today.AddDays(6), Guid.Empty, new Dictionary<string, string[]>());
        await LoadAsync();
    }

    private async Task LoadAsync() => view = await Mediator.Send(new GetSubstituteApprovers(ManagerId));

    private static string Span(DelegationView d) =>
        d.From == d.To ? $"on {TimeText.Date(d.From)}" : $"from {TimeText.Day(d.From)} to {TimeText.Date(d.To)}";

    private string? ErrorFor(string field) => errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    private async Task SaveAsync()
    {
        if (view is null)
        {
            return;
        }

        (busy, errors) = (true, new Dictionary<string, string[]>());
        if (substituteId == Guid.Empty || from is null || to is null)
        {
            errors = new Dictionary<string, string[]>
            {
                [substituteId == Guid.Empty ? "SubstituteId" : from is null ? "From" : "To"] = [substituteId == Guid.Empty ? "Choose a substitute approver." : "Choose the days."],
            };
            busy = false;
            return;
        }

        var command = new SetApprovalDelegation(view.ManagerId, substituteId, DateOnly.FromDateTime(from.Value), DateOnly.FromDateTime(to.Value));
        var name = view.Candidates.FirstOrDefault(c => c.Id == substituteId)?.Name;
        if ((await Submit.RunAsync(() => Mediator.Send(command).AsTask(), Snackbar, e => errors = e, success: $"{name} is substitute approver {TimeText.Day(command.From)} – {TimeText.Date(command.To)}.")).Succeeded)
        {
            substituteId = Guid.Empty;
            await LoadAsync();
        }

        busy = false;
    }

    private async Task EndAsync(DelegationView delegation)
    {
        busy = true;
        if ((await Submit.RunAsync(() => Mediator.Send(new EndApprovalDelegation(delegation.Id)).AsTask(), Snackbar, success: $"{delegation.SubstituteName} no longer stands in.")).Succeeded)
        {
            await LoadAsync();
        }

        busy = false;
    }
}
