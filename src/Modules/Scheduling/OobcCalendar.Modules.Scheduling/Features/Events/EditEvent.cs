using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Features.OccurrenceIndex;
using OobcCalendar.Modules.Scheduling.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Scheduling.Features.Events;

/// <summary>
/// The organizer edits an event from the editor. For a series, <paramref name="RecurrenceId"/> names the occurrence
/// the editor was opened on and <paramref name="Scope"/> says whether the change is for it alone, for it and the
/// following ones, or for the whole series. Returns the id of the event that now holds the change (a new one after a split).
/// </summary>
internal sealed record UpdateEvent(Guid EventId, DateTimeOffset? RecurrenceId, EditScope Scope, EventDraft Draft) : ICommand<Guid>;

/// <summary>Drag or resize on the calendar: new times for an event, one occurrence, the following ones or the series.</summary>
internal sealed record MoveEvent(Guid EventId, DateTimeOffset? RecurrenceId, EditScope Scope, DateTimeOffset NewStart, DateTimeOffset NewEnd, bool AllDay) : ICommand<Guid>;

internal sealed class EditEventHandler(
    IDbContextFactory<SchedulingDbContext> contexts,
    ICurrentUser currentUser,
    IUserDirectory directory,
    TimeProvider clock) : ICommandHandler<UpdateEvent, Guid>, ICommandHandler<MoveEvent, Guid>
{
    public async ValueTask<Guid> Handle(UpdateEvent command, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await EventDraftChecks.EnsureReferencesExistAsync(db, directory, command.Draft, cancellationToken);
        var calendarEvent = await EventAccess.LoadForChangeAsync(db, command.EventId, currentUser, cancellationToken);
        return await ApplyAsync(db, calendarEvent, command.RecurrenceId, command.Scope, command.Draft, cancellationToken);
    }

    public async ValueTask<Guid> Handle(MoveEvent command, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var e = await EventAccess.LoadForChangeAsync(db, command.EventId, currentUser, cancellationToken);
        // Only a one-occurrence move keeps that occurrence's own title and place; moving the following ones or the
        // series must not copy them onto every occurrence.
        var current = command.Scope == EditScope.Occurrence && command.RecurrenceId is { } rid && e.IsRecurring ? e.OccurrenceAt(rid).Override : null;
        var draft = new EventDraft(
            current?.Title ?? e.Title,
            current?.Description ?? e.Description,
            current?.Location ?? e.Location,
            command.NewStart,
            command.NewEnd,
            e.TimeZoneId,
            command.AllDay,
            e.CategoryId,
            e.Visibility,
            e.Participants.Select(p => p.UserId).ToList(),
            e.ReminderMinutes,
            e.RecurrenceRule);
        return await ApplyAsync(db, e, command.RecurrenceId, command.Scope, draft, cancellationToken);
    }

    private async Task<Guid> ApplyAsync(SchedulingDbContext db, CalendarEvent e, DateTimeOffset? recurrenceId, EditScope scope, EventDraft draft, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (e.IsRecurring && scope != EditScope.Series && recurrenceId is null)
        {
            throw new BusinessRuleException("Choose the occurrence to change.");
        }

        if (!e.IsRecurring || scope == EditScope.Series)
        {
            var shown = recurrenceId is { } r && e.IsRecurring ? e.OccurrenceAt(r) : new Occurrence(e.StartUtc, e.StartUtc, e.EndUtc, null);
            var before = (e.StartUtc, e.EndUtc, e.RecurrenceRule, e.AllDay, e.TimeZoneId);
            var (added, removed) = e.ApplyDetails(draft, now);
            e.ChangeSeries(draft, shown.StartUtc, now);
            PublishChange(db, e, null, before, added, removed, now);
            await OccurrenceIndexWriter.SaveAsync(db, [e], now, cancellationToken);
            return e.Id;
        }

        var occurrence = e.OccurrenceAt(recurrenceId!.Value);
        if (scope == EditScope.Occurrence)
        {
            e.OverrideOccurrence(occurrence.RecurrenceId, draft, now);
            if (occurrence.StartUtc != draft.Start || occurrence.EndUtc != draft.End)
            {
                EventNotices.Rescheduled(db, e, occurrence.RecurrenceId, (occurrence.StartUtc, occurrence.EndUtc), (draft.Start.ToUniversalTime(), draft.End.ToUniversalTime()), now);
            }
            else
            {
                EventNotices.Updated(db, e, occurrence.RecurrenceId, [], [], now);
            }

            await OccurrenceIndexWriter.SaveAsync(db, [e], now, cancellationToken);
            return e.Id;
        }

        var ruleBeforeSplit = e.RecurrenceRule;
        var tail = e.SplitAt(occurrence.RecurrenceId, Guid.CreateVersion7(), now);
        if (tail is null)
        {
            // "This and following" from the first occurrence is the whole series.
            return await ApplyAsync(db, e, recurrenceId, EditScope.Series, draft, cancellationToken);
        }

        // An unchanged rule means "keep repeating as before": the tail's own rule (its remaining COUNT), not the original.
        var tailDraft = draft.RecurrenceRule == ruleBeforeSplit ? draft with { RecurrenceRule = tail.RecurrenceRule } : draft;
        tail.ApplyDetails(tailDraft, now);
        tail.ChangeSeries(tailDraft, occurrence.StartUtc, now);
        db.Events.Add(tail);
        EventNotices.Updated(db, e, null, [], [], now);
        EventNotices.Scheduled(db, tail, now);
        await OccurrenceIndexWriter.SaveAsync(db, [e, tail], now, cancellationToken);
        return tail.Id;
    }

    private static void PublishChange(
        SchedulingDbContext db,
        CalendarEvent e,
        DateTimeOffset? recurrenceId,
        (DateTimeOffset Start, DateTimeOffset End, string? Rule, bool AllDay, string Zone) before,
        IReadOnlyList<Guid> added,
        IReadOnlyList<Guid> removed,
        DateTimeOffset now)
    {
        var timesChanged = before.Start != e.StartUtc || before.End != e.EndUtc || before.Rule != e.RecurrenceRule || before.AllDay != e.AllDay || before.Zone != e.TimeZoneId;
        if (timesChanged)
        {
            EventNotices.Rescheduled(db, e, recurrenceId, (before.Start, before.End), (e.StartUtc, e.EndUtc), now);
        }

        if (!timesChanged || added.Count > 0 || removed.Count > 0)
        {
            EventNotices.Updated(db, e, recurrenceId, added, removed, now);
        }
    }
}
