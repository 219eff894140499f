using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using MudBlazor;
using OobcCalendar.Modules.Leave.Domain.Holidays;
using OobcCalendar.Modules.Leave.Features.Holidays;
using OobcCalendar.Shared.Errors;

namespace OobcCalendar.Modules.Leave.UI.Components;

/// <summary>Adds (no <see cref="HolidayId"/>) or edits a holiday; the fields start from the parameters.</summary>
public sealed partial class HolidayEditor : ComponentBase
{
    private DateTime? date;
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();
    private bool saving;
    private HolidayKind kind;

    [Parameter] public Guid? HolidayId { get; set; }

    [Parameter] public string Name { get; set; } = string.Empty;

    [Parameter] public DateOnly? Date { get; set; }

    /// <summary>The kind's name (HolidayKind is internal to the module); null for a regular holiday.</summary>
    [Parameter] public string? KindName { get; set; }

    /// <summary>The unit it is for; <see cref="Guid.Empty"/> for the whole office.</summary>
    [Parameter] public Guid UnitId { get; set; }

    /// <summary>The units a holiday may be for, by id.</summary>
    [Parameter] public IReadOnlyDictionary<Guid, string> Units { get; set; } = new Dictionary<Guid, string>();

    [Inject] private IMediator Mediator { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private ILogger<HolidayEditor> Logger { get; set; } = default!;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;

    protected override void OnInitialized()
    {
        date = Date?.ToDateTime(TimeOnly.MinValue);
        kind = Enum.TryParse<HolidayKind>(KindName, out var k) ? k : HolidayKind.Regular;
    }

    private bool HasError(string field) => errors.ContainsKey(field);

    private string? ErrorFor(string field) => errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    private async Task SaveAsync()
    {
        if (date is null)
        {
            errors = new Dictionary<string, string[]> { ["Date"] = ["Choose the date."] };
            return;
        }

        saving = true;
        errors = new Dictionary<string, string[]>();
        await Submit.RunAsync(
            async () =>
            {
                await Mediator.Send(new SaveHoliday(HolidayId, DateOnly.FromDateTime(date.Value), Name, kind, UnitId == Guid.Empty ? null : UnitId));
                Snackbar.Add($"Saved {Name.Trim()}.", Severity.Success);
                Dialog.Close(DialogResult.Ok(true));
            },
            Snackbar,
            fieldErrors => errors = fieldErrors,
            Logger);
        saving = false;
    }
}
