using Mediator;
using Microsoft.Extensions.Logging;
using MudBlazor;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Features.Events;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Users;
using OobcCalendar.Shared.Time;

namespace OobcCalendar.Modules.Scheduling.UI.Events;

/// <summary>
/// The event flows a calendar screen starts: create from a slot, open details (answer, edit, cancel), move by drag,
/// quick add. Each asks what it must (which occurrences, go ahead although people are busy) and reports whether
/// anything changed, so the screen knows to reload. One per circuit (it opens dialogs for that user).
/// </summary>
internal sealed class EventActions(
    IDialogService dialogs,
    IMediator mediator,
    ISnackbar snackbar,
    ICurrentUser currentUser,
    ILogger<EventActions> logger)
{
    private static readonly DialogOptions Wide = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };

    /// <summary>Opens the editor for a new event in the slot (wall-clock times in the user's zone, end exclusive).</summary>
    public async Task<bool> CreateAsync(DateTime start, DateTime end, bool allDay, string? title = null, IReadOnlyList<Guid>? participantIds = null)
    {
        var parameters = new DialogParameters<EventEditorDialog>
        {
            { d => d.Start, start },
            { d => d.End, end },
            { d => d.AllDay, allDay },
            { d => d.Title, title },
            { d => d.ParticipantIds, participantIds ?? [] },
        };
        var dialog = await dialogs.ShowAsync<EventEditorDialog>("New event", parameters, Wide);
        return !(await dialog.Result)!.Canceled;
    }

    /// <summary>Shows an event's details; from there the user may answer, edit or cancel it.</summary>
    public async Task<bool> OpenAsync(Guid eventId, DateTimeOffset? recurrenceId)
    {
        var parameters = new DialogParameters<EventDetailsDialog> { { d => d.EventId, eventId }, { d => d.RecurrenceId, recurrenceId } };
        var dialog = await dialogs.ShowAsync<EventDetailsDialog>("Event", parameters, Wide);
        var result = await dialog.Result;
        return result?.Data switch
        {
            EventDetailsDialog.EditAction => await EditAsync(eventId, recurrenceId),
            EventDetailsDialog.CancelAction => await CancelAsync(eventId, recurrenceId),
            EventDetailsDialog.RespondedAction => true,
            _ => false,
        };
    }

    /// <summary>Opens the editor on an existing event (or the occurrence the user clicked).</summary>
    public async Task<bool> EditAsync(Guid eventId, DateTimeOffset? recurrenceId)
    {
        var parameters = new DialogParameters<EventEditorDialog> { { d => d.EventId, eventId }, { d => d.RecurrenceId, recurrenceId } };
        var dialog = await dialogs.ShowAsync<EventEditorDialog>("Edit event", parameters, Wide);
        return !(await dialog.Result)!.Canceled;
    }

    /// <summary>Cancels the event, asking which occurrences for a series and confirming for a single event.</summary>
    public async Task<bool> CancelAsync(Guid eventId, DateTimeOffset? recurrenceId)
    {
        var details = await LoadAsync(eventId, recurrenceId);
        if (details is null)
        {
            return false;
        }

        EditScope scope;
        if (details.IsRecurring)
        {
            var chosen = await AskScopeAsync("Cancel a repeating event", "Cancel events", allowOccurrence: true, destructive: true);
            if (chosen is null)
            {
                return false;
            }

            scope = chosen.Value;
        }
        else
        {
            var sure = await dialogs.ShowMessageBoxAsync(
                "Cancel this event?", $"\"{details.Title}\" will be cancelled for everyone invited.", yesText: "Cancel event", cancelText: "Keep it");
            if (sure != true)
            {
                return false;
            }

            scope = EditScope.Series;
        }

        return await snackbar.TryAsync(() => mediator.Send(new CancelEvent(eventId, details.RecurrenceId, scope)).AsTask(), "Event cancelled.", logger);
    }

    /// <summary>
    /// Puts a dragged or resized event at its new times (wall-clock in the user's zone; all-day ones as dates),
    /// asking which occurrences for a series and warning about busy participants. False: put it back.
    /// </summary>
    public async Task<bool> MoveAsync(Guid eventId, DateTimeOffset? recurrenceId, DateTime newStart, DateTime? newEnd, bool allDay)
    {
        var details = await LoadAsync(eventId, recurrenceId);
        if (details is null)
        {
            return false;
        }

        var scope = EditScope.Series;
        if (details.IsRecurring)
        {
            var chosen = await AskScopeAsync("Move a repeating event", "Move", allowOccurrence: true, destructive: false);
            if (chosen is null)
            {
                return false;
            }

            scope = chosen.Value;
        }

        var (start, end) = MovedInstants(details, newStart, newEnd, allDay);
        var later = SeriesShiftFor(details, scope, start);
        if (!await ConfirmBusyAsync(details.Participants.Select(p => p.UserId).ToList(), start, end, eventId, "Move anyway", later))
        {
            return false;
        }

        return await snackbar.TryAsync(
            () => mediator.Send(new MoveEvent(eventId, details.RecurrenceId, scope, start, end, allDay)).AsTask(), "Event moved.", logger);
    }

    /// <summary>
    /// Saves a quick-add event after the user confirmed what was understood (busy warning first); a series when
    /// <paramref name="recurrenceRule"/> is given, starting at <paramref name="start"/> (its first occurrence).
    /// </summary>
    public async Task<bool> QuickCreateAsync(
        string title, DateTime start, DateTime end, bool allDay, IReadOnlyList<Guid> participantIds, string? recurrenceRule = null)
    {
        var form = EventForm.ForSlot(start, end, allDay, currentUser.TimeZoneId);
        form.Title = title;
        form.Repeats = !string.IsNullOrWhiteSpace(recurrenceRule);
        form.RecurrenceRule = recurrenceRule;
        var errors = form.Validate();
        if (errors.Count > 0)
        {
            snackbar.Add(errors.Values.First()[0], Severity.Warning);
            return false;
        }

        var draft = form.ToDraft() with { ParticipantIds = participantIds };
        if (!await ConfirmBusyAsync(participantIds, draft.Start, draft.End, null, "Add anyway"))
        {
            return false;
        }

        return await snackbar.TryAsync(() => mediator.Send(new CreateEvent(draft)).AsTask(), "Event added.", logger);
    }

    public async Task<IReadOnlyList<EventCategoryView>> CategoriesAsync() => await mediator.Send(new ListCategories());

    public async Task<IReadOnlyList<NameMatch>> ResolveNamesAsync(IReadOnlyList<string> names) =>
        names.Count == 0 ? [] : await mediator.Send(new ResolveParticipantNames(names));

    /// <summary>
    /// Which occurrences a change is for, or null when the user backed out. <paramref name="whyNotOccurrence"/> tells
    /// why "This occurrence" is missing when it is not allowed.
    /// </summary>
    public async Task<EditScope?> AskScopeAsync(
        string question, string actionText, bool allowOccurrence, bool destructive, string? whyNotOccurrence = null, bool allowFollowing = true)
    {
        var parameters = new DialogParameters<EditScopeDialog>
        {
            { d => d.Question, question },
            { d => d.ActionText, actionText },
            { d => d.AllowOccurrence, allowOccurrence },
            { d => d.Destructive, destructive },
            { d => d.WhyNotOccurrence, whyNotOccurrence },
            { d => d.AllowFollowing, allowFollowing },
        };
        var dialog = await dialogs.ShowAsync<EditScopeDialog>(question, parameters, new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true });
        var result = await dialog.Result;
        return result is { Canceled: false, Data: EditScope scope } ? scope : null;
    }

    /// <summary>
    /// For a change of a series' times beyond one occurrence, the later occurrences to check too (each moved as this
    /// one is); null for a single event or one occurrence.
    /// </summary>
    public static SeriesShift? SeriesShiftFor(EventDetails details, EditScope scope, DateTimeOffset newStart) =>
        details is { IsRecurring: true, RecurrenceId: { } rid } && scope != EditScope.Occurrence && newStart != details.Start
            ? new SeriesShift(scope == EditScope.Following ? rid : DateTimeOffset.MinValue, newStart - details.Start)
            : null;

    /// <summary>
    /// True when nobody else is busy then (nor, with <paramref name="series"/>, at the series' later moved occurrences),
    /// or the user chose to go ahead anyway.
    /// </summary>
    public async Task<bool> ConfirmBusyAsync(
        IReadOnlyList<Guid> participantIds, DateTimeOffset start, DateTimeOffset end, Guid? ignoreEventId, string confirmText, SeriesShift? series = null)
    {
        var others = participantIds.Where(id => id != currentUser.Id).Distinct().ToList();
        if (others.Count == 0)
        {
            return true;
        }

        IReadOnlyList<BusyParticipant> busy = [];
        if (!await snackbar.TryAsync(async () => busy = await mediator.Send(new FindBusyParticipants(others, start, end, ignoreEventId, series)), null, logger))
        {
            return false;
        }

        if (busy.Count == 0)
        {
            return true;
        }

        var parameters = new DialogParameters<BusyWarningDialog>
        {
            { d => d.Names, busy.Where(b => b.AtChosenTime).Select(b => b.ShownName).ToList() },
            {
                d => d.Later,
                busy.Where(b => b.FirstLaterClash is not null)
                    .Select(b => $"{b.DisplayName} ({EventText.Day(b.FirstLaterClash!.Value, currentUser.TimeZoneId)})")
                    .ToList()
            },
            { d => d.When, EventText.When(start, end, allDay: false, currentUser.TimeZoneId, currentUser.TimeZoneId) },
            { d => d.ConfirmText, confirmText },
        };
        var dialog = await dialogs.ShowAsync<BusyWarningDialog>("Some people are busy then", parameters, new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true });
        return !(await dialog.Result)!.Canceled;
    }

    private (DateTimeOffset Start, DateTimeOffset End) MovedInstants(EventDetails details, DateTime newStart, DateTime? newEnd, bool allDay)
    {
        if (allDay)
        {
            // All-day events are dates of the event's own zone.
            var zone = OfficeTime.Zone(details.TimeZoneId);
            var first = DateOnly.FromDateTime(newStart);
            var last = newEnd is { } e && e.Date > newStart.Date ? DateOnly.FromDateTime(e) : first.AddDays(1);
            return (WallClock.AtMidnight(first, zone), WallClock.AtMidnight(last, zone));
        }

        var reader = OfficeTime.Zone(currentUser.TimeZoneId);
        // From an all-day row into the hours, the calendar gives no end: keep the event's length when it was timed, else an hour.
        var length = newEnd is { } end ? end - newStart : details.AllDay ? TimeSpan.FromHours(1) : details.End - details.Start;
        var start = WallClock.ToInstant(newStart, reader);
        return (start, WallClock.ToInstant(newStart + length, reader));
    }

    private async Task<EventDetails?> LoadAsync(Guid eventId, DateTimeOffset? recurrenceId)
    {
        EventDetails? details = null;
        await snackbar.TryAsync(async () => details = await mediator.Send(new GetEventDetails(eventId, recurrenceId)), null, logger);
        return details;
    }
}
