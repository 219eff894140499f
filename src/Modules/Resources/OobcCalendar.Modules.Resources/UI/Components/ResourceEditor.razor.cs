using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging;
using MudBlazor;
using OobcCalendar.Modules.Resources.Domain.Resources;
using OobcCalendar.Modules.Resources.Features.Resources;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Resources.UI.Components;

/// <summary>Adds a resource (<see cref="ResourceId"/> null) or edits every setting of one, with field messages under the fields.</summary>
public sealed partial class ResourceEditor : ComponentBase
{
    private static readonly string[] Zones = TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal)).Order().ToArray();

    // Monday first, as the office reads a week.
    private static readonly DayOfWeek[] Week = [.. Enum.GetValues<DayOfWeek>().Skip(1), DayOfWeek.Sunday];

    private ResourceForm? model;
    private MudForm? form;
    private string featureText = string.Empty;
    private IReadOnlyList<DirectoryUser> candidates = [];
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();
    private bool saving;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;

    /// <summary>The resource to edit; null adds a new one.</summary>
    [Parameter] public Guid? ResourceId { get; set; }

    [Inject] private IMediator Mediator { get; set; } = default!;

    [Inject] private IUserDirectory Directory { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private ILogger<ResourceEditor> Logger { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var loaded = await Snackbar.TryAsync(
            async () =>
            {
                var managers = await Directory.InRoleAsync(Roles.Manager, CancellationToken.None);
                var admins = await Directory.InRoleAsync(Roles.Admin, CancellationToken.None);
                var resource = ResourceId is { } id ? await Mediator.Send(new GetResource(id)) : null;
                var people = managers.Concat(admins).DistinctBy(u => u.Id).ToList();

                // Keep approvers who lost the role visible, so the Admin sees why saving refuses them.
                var missing = resource?.ApproverIds.Where(a => people.All(p => p.Id != a)).ToList() ?? [];
                if (missing.Count > 0)
                {
                    people.AddRange((await Directory.GetManyAsync(missing, CancellationToken.None)).Select(u => u with { DisplayName = $"{u.DisplayName} (no longer an approver)" }));
                }

                candidates = people.OrderBy(p => p.DisplayName, StringComparer.CurrentCulture).ToList();
                model = resource is null ? new ResourceForm() : ResourceForm.From(resource);
            },
            null,
            Logger);
        if (!loaded)
        {
            Dialog.Cancel();
        }
    }

    private bool HasError(string field) => errors.ContainsKey(field);

    private string? ErrorFor(string field) => errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    private string ApproverName(Guid id) => candidates.FirstOrDefault(c => c.Id == id)?.DisplayName ?? "Unknown user";

    private Task<IEnumerable<string>> SearchZones(string? text, CancellationToken cancellationToken) =>
        Task.FromResult(string.IsNullOrWhiteSpace(text) ? Zones.AsEnumerable() : Zones.Where(z => z.Contains(text, StringComparison.OrdinalIgnoreCase)));

    private void OnFeatureKeyAsync(KeyboardEventArgs e)
    {
        if (e.Key is "Enter" or ",")
        {
            AddFeature();
        }
    }

    private void AddFeature()
    {
        foreach (var feature in featureText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!model!.Features.Contains(feature, StringComparer.OrdinalIgnoreCase))
            {
                model.Features.Add(feature);
            }
        }

        featureText = string.Empty;
    }

    private void RemoveFeature(string? feature) => model?.Features.Remove(feature ?? string.Empty);

    private async Task SaveAsync()
    {
        AddFeature(); // a feature typed but not yet added is clearly meant to be kept

        // Server messages from the last attempt mark fields as in error, which MudForm counts as invalid:
        // clear them and let the fields re-render before validating again.
        errors = new Dictionary<string, string[]>();
        StateHasChanged();
        await Task.Yield();
        await form!.ValidateAsync();
        if (!form.IsValid)
        {
            return;
        }

        saving = true;
        var outcome = await Submit.RunAsync(
            async () =>
            {
                var command = model!.ToCommand(ResourceId);
                await Mediator.Send(command);
                Snackbar.Add(ResourceId is null ? $"{command.Name.Trim()} added." : $"Saved {command.Name.Trim()}.", Severity.Success);
                Dialog.Close(DialogResult.Ok(true));
            },
            Snackbar,
            fieldErrors => errors = fieldErrors,
            Logger);
        if (outcome.Outcome == SubmitOutcome.Invalid)
        {
            // Messages sit under their fields; the snackbar repeats them in case those fields are scrolled away.
            Snackbar.Add(outcome.Message!, Severity.Warning);
        }

        saving = false;
    }
}
