using Mediator;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using OobcCalendar.Modules.Attendance.Contracts;
using OobcCalendar.Modules.Attendance.Features.CheckIns;
using OobcCalendar.Modules.Attendance.Features.Lists;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.UI;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Attendance.UI.Pages;

/// <summary>
/// The check-in desk for one list: counters, a scan box (a USB scanner types the code and Enter), search and manual
/// check-in, walk-ins, undo and check-out. Every desk on the list stays in step through the live topic.
/// </summary>
public partial class DeskPage
{
    private DeskView? view;
    private string? error;
    private string? code;
    private string? desk;
    private string? search;
    private string? verdict;
    private Severity verdictSeverity = Severity.Success;
    private bool busy;
    private bool walkInOpen;
    private string? walkInName;
    private string? walkInOrganisation;
    private string? walkInContact;

    [Parameter] public Guid ListId { get; set; }

    [Inject] private IMediator Mediator { get; set; } = default!;

    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;

    protected override IReadOnlyCollection<string> LiveTopics => [AttendanceTopics.Lists];

    private string? Subtitle => view is null ? null
        : $"{TimeText.Range(view.StartUtc, view.EndUtc, Zone)}{(view.Location is { } l ? " · " + l : "")}";

    private string SettingsHref => view is null ? "" : $"/attendance/event/{view.EventId}?occurrence={Uri.EscapeDataString(view.StartUtc.ToString("O"))}";

    private TimeZoneInfo Zone => OfficeTime.Zone(CurrentUser.TimeZoneId);

    protected override async Task OnInitializedAsync()
    {
        desk = CurrentUser.IsAuthenticated ? CurrentUser.DisplayName : "desk";
        await RefreshAsync();
    }

    // Every reload (a notice, the desk's own action, a search) goes through the one coalescing refresh (ADR 0029).
    protected override Task OnLiveUpdateAsync(LiveUpdate update) =>
        update.Key == ListId.ToString() || update.Topic == LiveUpdate.ResyncTopic ? RefreshAsync() : Task.CompletedTask;

    private Task SearchAsync(string? text)
    {
        search = text;
        return RefreshAsync();
    }

    private string Time(DateTimeOffset at) => TimeText.Time(at, Zone);

    /// <inheritdoc />
    protected override async Task ReloadAsync()
    {
        try
        {
            view = await Mediator.Send(new GetDeskView(ListId, search));
            error = null;
        }
        catch (UserFacingException ex)
        {
            error = ex.Message;
        }
    }

    private async Task ScanAsync()
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return;
        }

        var scanned = code;
        code = null;
        await CheckInCodeAsync(scanned);
    }

    /// <summary>One path for every code: typed, sent by a USB scanner (it types and presses Enter) or decoded by the camera.</summary>
    private Task CheckInCodeAsync(string scanned) =>
        RunAsync(async () => await Mediator.Send(new CheckInAttendee(ListId, scanned.Trim(), null, DeskName)));

    private Task CheckInByNameAsync(Guid personId) => RunAsync(async () => await Mediator.Send(new CheckInAttendee(ListId, null, personId, DeskName)));

    private async Task AddWalkInAsync()
    {
        await RunAsync(async () => await Mediator.Send(new AddWalkIn(ListId, walkInName ?? "", walkInOrganisation ?? "", walkInContact, DeskName)));
        if (verdictSeverity == Severity.Success)
        {
            (walkInName, walkInOrganisation, walkInContact, walkInOpen) = (null, null, null, false);
        }
    }

    private async Task UndoAsync(Guid checkInId)
    {
        await RunAsync(async () =>
        {
            await Mediator.Send(new UndoCheckIn(checkInId));
            return null;
        });
        if (verdictSeverity == Severity.Success)
        {
            verdict = "Check-in undone.";
        }
    }

    private Task CheckOutAsync(Guid checkInId) => RunAsync(async () =>
    {
        await Mediator.Send(new CheckOutAttendee(checkInId));
        return null;
    });

    private string DeskName => string.IsNullOrWhiteSpace(desk) ? "desk" : desk.Trim();

    private async Task RunAsync(Func<Task<CheckInResult?>> action)
    {
        busy = true;
        try
        {
            var result = await action();
            if (result is not null)
            {
                verdict = result.Message;
                verdictSeverity = result.Outcome == CheckInOutcome.CheckedIn ? Severity.Success : Severity.Warning;
            }
            else
            {
                verdictSeverity = Severity.Success;
            }
        }
        catch (UserFacingException ex)
        {
            verdict = ex.Message;
            verdictSeverity = Severity.Error;
        }
        finally
        {
            busy = false;
        }

        // The verdict is what the person at the desk waits for: show it now, not after the counts have been re-read (a
        // reload already running, e.g. for another desk's scan, is waited out first, which under load took seconds).
        StateHasChanged();
        await RefreshAsync();
    }
}
