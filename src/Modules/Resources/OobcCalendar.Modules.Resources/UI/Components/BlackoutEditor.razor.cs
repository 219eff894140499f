using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using MudBlazor;
using OobcCalendar.Modules.Resources.Features.Resources;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Users;
using OobcCalendar.Shared.Time;

namespace OobcCalendar.Modules.Resources.UI.Components;

/// <summary>Blocks one resource, or all, for a period given in the Admin's own zone.</summary>
public sealed partial class BlackoutEditor : ComponentBase
{
    private IReadOnlyList<ResourceItem>? resources;
    private Guid resourceId = Guid.Empty;
    private DateTime? startDate;
    private TimeSpan? startTime = TimeSpan.Zero;
    private DateTime? endDate;
    private TimeSpan? endTime = TimeSpan.Zero;
    private string reason = string.Empty;
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();
    private bool saving;

    [Inject] private IMediator Mediator { get; set; } = default!;

    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Inject] private ILogger<BlackoutEditor> Logger { get; set; } = default!;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        // Default: tomorrow, all day.
        var tomorrow = WallClock.Today(Clock, CurrentUser.TimeZoneId).AddDays(1).ToDateTime(TimeOnly.MinValue);
        (startDate, endDate) = (tomorrow, tomorrow.AddDays(1));
        if (!await Snackbar.TryAsync(async () => resources = await Mediator.Send(new ListResources(null, null, null, null, IncludeInactive: true)), null, Logger))
        {
            Dialog.Cancel();
        }
    }

    private string ResourceName(Guid id) => id == Guid.Empty ? "All resources" : resources?.FirstOrDefault(r => r.Id == id)?.Name ?? string.Empty;

    private bool HasError(string field) => errors.ContainsKey(field);

    private string? ErrorFor(string field) => errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    private async Task SaveAsync()
    {
        if (startDate is null || endDate is null)
        {
            errors = new Dictionary<string, string[]> { ["End"] = ["Choose both dates."] };
            return;
        }

        var start = WallClock.ToUtc(startDate.Value.Date + (startTime ?? TimeSpan.Zero), CurrentUser.TimeZoneId);
        var end = WallClock.ToUtc(endDate.Value.Date + (endTime ?? TimeSpan.Zero), CurrentUser.TimeZoneId);
        saving = true;
        errors = new Dictionary<string, string[]>();
        await Submit.RunAsync(
            async () =>
            {
                await Mediator.Send(new AddBlackout(resourceId == Guid.Empty ? null : resourceId, start, end, reason));
                Snackbar.Add($"Blackout added: {ResourceName(resourceId)}, {TimeText.Period(start, end, CurrentUser.TimeZoneId)}.", Severity.Success);
                Dialog.Close(DialogResult.Ok(true));
            },
            Snackbar,
            fieldErrors => errors = fieldErrors,
            Logger);
        saving = false;
    }
}
