using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using MudBlazor;
using OobcCalendar.Modules.Leave.Domain.LeaveTypes;
using OobcCalendar.Modules.Leave.Features.LeaveTypes;
using OobcCalendar.Shared.Errors;

namespace OobcCalendar.Modules.Leave.UI.Components;

/// <summary>Edits an existing leave type (its code stays; charged-to and yearly requirements are kept as they are).</summary>
public sealed partial class LeaveTypeEditor : ComponentBase
{
    private LeaveTypeForm form = new();
    private LeaveTypeItem? type;
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();
    private string? general;
    private bool saving;

    /// <summary>The type to edit.</summary>
    [Parameter, EditorRequired] public Guid TypeId { get; set; }

    [Inject] private IMediator Mediator { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private ILogger<LeaveTypeEditor> Logger { get; set; } = default!;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        type = (await Mediator.Send(new ListLeaveTypes(IncludeInactive: true))).FirstOrDefault(t => t.Id == TypeId);
        if (type is null)
        {
            Snackbar.Add("That leave type no longer exists.", Severity.Warning);
            Dialog.Cancel();
            return;
        }

        form = LeaveTypeForm.From(type);
    }

    private bool HasError(string field) => errors.ContainsKey(field);

    private string? ErrorFor(string field) => errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    private async Task SaveAsync()
    {
        if (type is null)
        {
            return;
        }

        saving = true;
        (errors, general) = (new Dictionary<string, string[]>(), null);
        var result = await Submit.RunAsync(
            async () =>
            {
                await Mediator.Send(new SaveLeaveType(type.Id, form.ToSettings(type.Settings), form.IsActive));
                Snackbar.Add($"Saved {form.Name}.", Severity.Success);
                Dialog.Close(DialogResult.Ok(true));
            },
            Snackbar,
            fieldErrors => errors = fieldErrors,
            Logger);
        // The type's own rules (a balance must earn days...) come as one message, not a field.
        general = result.Succeeded || errors.Count > 0 ? null : result.Message;
        saving = false;
    }
}
