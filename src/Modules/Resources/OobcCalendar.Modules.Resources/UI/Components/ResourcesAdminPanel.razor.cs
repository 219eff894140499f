using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using MudBlazor;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Modules.Resources.Domain.Resources;
using OobcCalendar.Modules.Resources.Features.Resources;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.UI;
using OobcCalendar.Shared.Users;
using OobcCalendar.Shared.Time;

namespace OobcCalendar.Modules.Resources.UI.Components;

/// <summary>Every resource, active or not, with add, edit and (de)activate.</summary>
public sealed partial class ResourcesAdminPanel : LiveComponentBase
{
    private IReadOnlyList<ResourceItem>? resources;
    private Dictionary<Guid, string> approverNames = [];

    [Inject] private IMediator Mediator { get; set; } = default!;

    [Inject] private IUserDirectory Directory { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private ILogger<ResourcesAdminPanel> Logger { get; set; } = default!;

    protected override IReadOnlyCollection<string> LiveTopics => [ResourcesTopics.Resources];

    protected override Task OnInitializedAsync() => RefreshAsync();

    protected override Task OnLiveUpdateAsync(LiveUpdate update) => Snackbar.TryAsync(RefreshAsync, null, Logger);

    /// <inheritdoc />
    protected override async Task ReloadAsync()
    {
        var list = await Mediator.Send(new ListResources(null, null, null, null, IncludeInactive: true));
        var ids = list.SelectMany(r => r.ApproverIds).Distinct().ToList();
        approverNames = ids.Count == 0 ? [] : (await Directory.GetManyAsync(ids, CancellationToken.None)).ToDictionary(u => u.Id, u => u.DisplayName);
        resources = list;
    }

    // Said as the booking pages say it; the zone is named only when it is not the office's.
    private static string RulesText(ResourceItem r) => BookingText.Hours(r.Rules, r.TimeZoneId, OfficeTime.DefaultTimeZoneId);

    private string ApprovalText(ResourceItem r) => !r.RequiresApproval
        ? "Instant"
        : r.ApproverIds.Count == 0
            ? "Any manager"
            : string.Join(", ", r.ApproverIds.Select(id => approverNames.GetValueOrDefault(id, "(former approver)")));

    private Task AddAsync() => OpenEditorAsync(null, "Add resource");

    private Task EditAsync(ResourceItem resource) => OpenEditorAsync(resource.Id, $"Edit {resource.Name}");

    private async Task OpenEditorAsync(Guid? id, string title)
    {
        var parameters = new DialogParameters<ResourceEditor> { { e => e.ResourceId, id } };
        var options = new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true };
        var dialog = await Dialogs.ShowAsync<ResourceEditor>(title, parameters, options);
        if (await dialog.Result is { Canceled: false })
        {
            await Snackbar.TryAsync(RefreshAsync, null, Logger);
        }
    }

    private async Task ToggleActiveAsync(ResourceItem resource)
    {
        var verb = resource.IsActive ? "Deactivate" : "Reactivate";
        var message = resource.IsActive
            ? $"No one will be able to book {resource.Name} until it is reactivated. Existing bookings stay; cancel them from the timeline if needed."
            : $"People will be able to book {resource.Name} again.";
        if (await Dialogs.ShowMessageBoxAsync($"{verb} {resource.Name}?", message, yesText: verb, cancelText: "Cancel") != true)
        {
            return;
        }

        var done = $"{resource.Name} {(resource.IsActive ? "deactivated" : "reactivated")}.";
        if (await Snackbar.TryAsync(() => Mediator.Send(new SetResourceActive(resource.Id, !resource.IsActive)).AsTask(), done, Logger))
        {
            await Snackbar.TryAsync(RefreshAsync, null, Logger);
        }
    }
}
