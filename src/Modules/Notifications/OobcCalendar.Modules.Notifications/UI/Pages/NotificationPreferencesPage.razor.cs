using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using MudBlazor;
using OobcCalendar.Modules.Notifications.Domain.Preferences;
using OobcCalendar.Modules.Notifications.Features.Preferences;
using OobcCalendar.Modules.Notifications.Messages.Rendering;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Notifications.UI.Pages;

/// <summary>
/// The preference centre. The form is checked here with the entity's own rules before anything is sent, and the
/// command checks again; either way a refusal lists the reasons and saves nothing.
/// </summary>
public sealed partial class NotificationPreferencesPage
{
    private static readonly string[] Zones = [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal)).Order()];

    private PreferencesForm? form;
    private string effectiveZone = OfficeTime.DefaultTimeZoneId;
    private IReadOnlyList<string> errors = [];
    private string? loadError;
    private int? customAmount;
    private int customUnit = 1;
    private string? customError;
    private bool saving;

    [Inject] private IMediator Mediator { get; set; } = default!;

    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;

    [Inject] private MessageTypes Types { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private ILogger<NotificationPreferencesPage> Logger { get; set; } = default!;

    private static int MaxOffsets => NotificationPreferences.MaxReminderOffsets;

    private string DirectoryZone => CurrentUser.TimeZoneId;

    private string QuietExplained => form is { QuietStart: { } start, QuietEnd: { } end }
        ? start == end
            ? "Start and end must differ."
            : $"E-mail that is not urgent waits from {TimeText.Time(TimeOnly.FromTimeSpan(start))} until {TimeText.Time(TimeOnly.FromTimeSpan(end))}"
              + (end < start ? " the next morning (quiet hours may run past midnight)." : ".")
              + $" In your zone, {ZoneShown}. The bell is never held."
        : "Choose when quiet hours start and end; they may run past midnight (e.g. 10:00 PM until 7:00 AM).";

    private string ZoneShown => string.IsNullOrWhiteSpace(form?.TimeZoneId) ? effectiveZone : form.TimeZoneId!;

    /// <inheritdoc />
    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var result = await Submit.QuietlyAsync(async () =>
        {
            var dto = await Mediator.Send(new GetMyNotificationPreferences());
            effectiveZone = dto.EffectiveTimeZoneId;
            form = PreferencesForm.From(dto);
        }, Logger);
        loadError = result.Succeeded ? null : result.Message;
        errors = [];
        customError = null;
    }

    private void ToggleOffset(int minutes)
    {
        if (!form!.Offsets.Contains(minutes) && form.Offsets.Count >= MaxOffsets)
        {
            customError = $"Keep at most {MaxOffsets} reminder times: remove one first.";
            return;
        }

        form.Toggle(minutes);
        customError = null;
    }

    private void AddCustom()
    {
        customError = form!.CheckCustom(customAmount, customUnit);
        if (customError is null)
        {
            form.Toggle(customAmount!.Value * customUnit);
            customAmount = null;
        }
    }

    private static void Set(HashSet<string> off, string key, bool on)
    {
        if (on)
        {
            off.Remove(key);
        }
        else
        {
            off.Add(key);
        }
    }

    private Task<IEnumerable<string>> SearchZones(string? text, CancellationToken cancellationToken) =>
        Task.FromResult(string.IsNullOrWhiteSpace(text)
            ? Zones.AsEnumerable()
            : Zones.Where(z => z.Contains(text.Trim().Replace(' ', '_'), StringComparison.OrdinalIgnoreCase)));

    private async Task SaveAsync()
    {
        errors = form!.Validate();
        if (errors.Count > 0)
        {
            return;
        }

        saving = true;
        try
        {
            var result = await Submit.RunAsync(
                async () => await Mediator.Send(new SaveMyNotificationPreferences(form.ToDto())),
                Snackbar,
                onFieldErrors: fields => errors = [.. fields.Values.SelectMany(v => v)],
                logger: Logger,
                success: "Preferences saved.");
            if (result.Succeeded)
            {
                await LoadAsync();
            }
        }
        finally
        {
            saving = false;
        }
    }
}
