using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Features.OccurrenceIndex;
using OobcCalendar.Modules.Scheduling.Persistence;
using OobcCalendar.Shared.Errors;

namespace OobcCalendar.Modules.Scheduling.Features.Events;

/// <summary>
/// Applies a changed draft to an event with a scope (one occurrence, it and the following ones, the whole series),
/// raising the notices the change calls for; shared by <see cref="UpdateEvent"/> and <see cref="MoveEvent"/>.
/// </summary>
internal static class EventChanges
{
    public static async Task<Guid> ApplyAsync(
        SchedulingDbContext db, CalendarEvent e, DateTimeOffset? recurrenceId, EditScope scope, EventDraft draft, TimeProvider clock, CancellationToken cancellationToken)
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
            return await ApplyAsync(db, e, recurrenceId, EditScope.Series, draft, clock, cancellationToken);
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
