using Mediator;
using Microsoft.AspNetCore.Components;
using OobcCalendar.Modules.Attendance.Domain;
using OobcCalendar.Modules.Attendance.Features.Lists;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Attendance.UI.Pages;

/// <summary>
/// The organizer's attendance settings for one occurrence (<c>?occurrence=</c> ISO instant: a series' original start,
/// or the event's start): turn attendance on, change its settings, close it, and the links to desk, door and tickets.
/// </summary>
public partial class AttendanceSettingsPage
{
    private AttendanceSettingsView? view;
    private string? error;
    private string? saved;
    private bool selfCheckIn = AttendanceSettings.Default.SelfCheckInAllowed;
    private bool walkIns = AttendanceSettings.Default.WalkInsAllowed;
    private bool checkOut = AttendanceSettings.Default.CheckOutRecorded;
    private int opensMinutesBefore = AttendanceSettings.Default.OpensMinutesBefore;

    [Parameter] public Guid EventId { get; set; }

    [SupplyParameterFromQuery(Name = "occurrence")] public string? Occurrence { get; set; }

    [Inject] private IMediator Mediator { get; set; } = default!;

    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;

    private string? Subtitle => view is null ? null
        : $"{view.Title} · {TimeText.Range(view.StartUtc, view.EndUtc, Zone)}";

    private TimeZoneInfo Zone => OfficeTime.Zone(CurrentUser.TimeZoneId);

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        if (!DateTimeOffset.TryParse(Occurrence, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var occurrence))
        {
            error = "Open attendance from the event: the occurrence is missing from the address.";
            return;
        }

        try
        {
            view = await Mediator.Send(new GetAttendanceSettings(EventId, occurrence));
            if (view.Settings is { } s)
            {
                (selfCheckIn, walkIns, checkOut, opensMinutesBefore) = (s.SelfCheckInAllowed, s.WalkInsAllowed, s.CheckOutRecorded, s.OpensMinutesBefore);
            }

            error = null;
        }
        catch (UserFacingException ex)
        {
            error = ex.Message;
        }
    }

    private async Task SaveAsync()
    {
        if (view is null)
        {
            return;
        }

        try
        {
            await Mediator.Send(new OpenAttendance(view.EventId, view.OccurrenceStartUtc, selfCheckIn, walkIns, checkOut, opensMinutesBefore));
            saved = "Attendance settings saved.";
            await LoadAsync();
        }
        catch (UserFacingException ex)
        {
            error = ex.Message;
        }
    }

    private async Task CloseAsync()
    {
        if (view?.ListId is not { } listId)
        {
            return;
        }

        try
        {
            await Mediator.Send(new CloseAttendance(listId));
            saved = "Attendance closed.";
            await LoadAsync();
        }
        catch (UserFacingException ex)
        {
            error = ex.Message;
        }
    }
}
