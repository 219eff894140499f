using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using MudBlazor;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Features.Events;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Users;
using OobcCalendar.Shared.Time;

namespace OobcCalendar.Modules.Scheduling.UI.Events;

/// <summary>
/// The event editor: a new event for a slot (<see cref="Start"/>, <see cref="End"/>) or an existing one
/// (<see cref="EventId"/>, with <see cref="RecurrenceId"/> for the occurrence clicked). Checks what it can itself,
/// asks which occurrences for a series, warns about busy participants, and shows the server's messages by the fields.
/// Closes with the saved event's id.
/// </summary>
public sealed partial class EventEditorDialog : ComponentBase
{
    private static readonly string[] Zones = TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal)).Order().ToArray();

    private EventForm? form;
    private EventDetails? original;
    private IReadOnlyList<EventCategoryView> categories = [];
    private Dictionary<string, string[]> errors = [];
    private bool saving;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;

    /// <summary>The event to edit; null creates one.</summary>
    [Parameter] public Guid? EventId { get; set; }

    [Parameter] public DateTimeOffset? RecurrenceId { get; set; }

    /// <summary>Start of a new event, wall-clock in the user's zone.</summary>
    [Parameter] public DateTime? Start { get; set; }

    /// <summary>End of a new event (exclusive; the day after the last for all-day).</summary>
    [Parameter] public DateTime? End { get; set; }

    [Parameter] public bool AllDay { get; set; }

    /// <summary>Title of a new event, e.g. from quick add.</summary>
    [Parameter] public string? Title { get; set; }

    /// <summary>People to invite to a new event.</summary>
    [Parameter] public IReadOnlyList<Guid> ParticipantIds { get; set; } = [];

    [Inject] private IMediator Mediator { get; set; } = default!;

    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;

    [Inject] private IUserDirectory Directory { get; set; } = default!;

    [Inject] private EventActions Actions { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Inject] private ILogger<EventEditorDialog> Logger { get; set; } = default!;

    private string? ZoneHelp => form is not null && form.TimeZoneId != CurrentUser.TimeZoneId ? $"Your calendar shows {CurrentUser.TimeZoneId}." : null;

    protected override async Task OnInitializedAsync()
    {
        var ok = await Snackbar.TryAsync(
            async () =>
            {
                categories = await Mediator.Send(new ListCategories());
                if (EventId is { } id)
                {
                    original = await Mediator.Send(new GetEventDetails(id, RecurrenceId));
                    var people = await Directory.GetManyAsync(original.Participants.Select(p => p.UserId).ToList(), CancellationToken.None);
                    form = EventForm.From(original, people.OrderBy(p => p.DisplayName).ToList());
                }
                else
                {
                    form = NewForm();
                    form.Participants = ParticipantIds.Count == 0 ? [] : await Directory.GetManyAsync(ParticipantIds, CancellationToken.None);
                }
            },
            null,
            Logger);
        if (!ok)
        {
            Dialog.Cancel();
        }
    }

    private EventForm NewForm()
    {
        var zone = CurrentUser.TimeZoneId;
        var now = WallClock.Now(Clock, OfficeTime.Zone(zone));
        // Without a slot: the next full hour, for an hour.
        var start = Start ?? now.Date.AddHours(now.Hour + 1);
        var result = EventForm.ForSlot(start, End ?? start.AddHours(AllDay ? 24 : 1), AllDay, zone);
        result.Title = Title ?? string.Empty;
        return result;
    }

    private bool Has(string field) => errors.ContainsKey(field);

    private string? Message(string field) => errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    private Task<IEnumerable<string>> SearchZones(string? text, CancellationToken cancellationToken) =>
        Task.FromResult(string.IsNullOrWhiteSpace(text) || text == form?.TimeZoneId
            ? Zones.AsEnumerable()
            : Zones.Where(z => z.Contains(text.Replace(' ', '_'), StringComparison.OrdinalIgnoreCase)));

    // Moving the start keeps the event's length, as people expect when they pick another day or hour.
    private void OnStartDateChanged(DateTime? date)
    {
        if (form is null)
        {
            return;
        }

        if (form.StartDate is { } before && date is { } after && form.EndDate is { } end)
        {
            form.EndDate = end + (after.Date - before.Date);
        }

        form.StartDate = date;
    }

    private void OnStartTimeChanged(TimeSpan? time)
    {
        if (form is null)
        {
            return;
        }

        if (form.StartTime is { } before && time is { } after && form.EndTime is { } end && form.StartDate == form.EndDate)
        {
            var moved = end + (after - before);
            if (moved < TimeSpan.FromDays(1) && moved > TimeSpan.Zero)
            {
                form.EndTime = moved;
            }
        }

        form.StartTime = time;
    }

    private async Task SaveAsync()
    {
        if (form is null)
        {
            return;
        }

        errors = form.Validate();
        if (errors.Count > 0)
        {
            return;
        }

        saving = true;
        await Submit.RunAsync(
            async () =>
            {
                var draft = form.ToDraft();
                var scope = EditScope.Series;
                if (original is { IsRecurring: true })
                {
                    var ruleChanged = draft.RecurrenceRule != original.RecurrenceRule;
                    // Who is invited, the category and the visibility belong to the whole series (the server refuses them
                    // for one occurrence), so "This occurrence" is not offered once one of them changed.
                    var seriesLevelChanged = draft.SeriesLevelDifferences(
                        original.Organizer.UserId, original.Participants.Select(p => p.UserId), original.Category?.Id, original.Visibility).Count > 0;
                    var why = ruleChanged || draft.RecurrenceRule is null
                        ? "A change to how the event repeats applies to a run of occurrences, not to one."
                        : seriesLevelChanged ? "Who is invited, the category and the visibility are the same for every occurrence." : null;
                    var chosen = await Actions.AskScopeAsync("Save a repeating event", "Save", allowOccurrence: why is null, destructive: false, whyNotOccurrence: why);
                    if (chosen is null)
                    {
                        return;
                    }

                    scope = chosen.Value;
                }

                var later = original is null ? null : EventActions.SeriesShiftFor(original, scope, draft.Start);
                if (NeedsBusyCheck(draft) && !await Actions.ConfirmBusyAsync(draft.ParticipantIds, draft.Start, draft.End, EventId, "Save anyway", later))
                {
                    return;
                }

                var saved = EventId is { } id
                    ? await Mediator.Send(new UpdateEvent(id, original?.RecurrenceId, scope, draft))
                    : await Mediator.Send(new CreateEvent(draft));
                Snackbar.Add(EventId is null ? AddedNotice(draft) : "Event saved.", Severity.Success);
                Dialog.Close(DialogResult.Ok(saved));
            },
            Snackbar,
            fieldErrors => errors = fieldErrors.ToDictionary(e => e.Key, e => e.Value),
            Logger,
            invalidNotice: "Some fields need another look.");
        saving = false;
    }

    // The server starts a series on its rule's first occurrence (a Monday start with a "first Friday" rule starts on that
    // Friday): say so, or the person looks for the series on the day they picked.
    private static string AddedNotice(EventDraft draft) =>
        CalendarEvent.MovedSeriesStart(draft) is { } first
            ? $"Event added. It starts on {TimeText.Date(first, OfficeTime.Zone(draft.TimeZoneId))}, the first day that fits how it repeats."
            : "Event added.";

    // A new event always; an edit only when its time or its people changed (re-saving a title must not nag).
    private bool NeedsBusyCheck(EventDraft draft) =>
        original is null
        || original.Start != draft.Start || original.End != draft.End
        || draft.ParticipantIds.Except(original.Participants.Select(p => p.UserId)).Any();
}
