using System.Globalization;
using Ical.Net.DataTypes;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Recurrence;
using OobcCalendar.Shared.Time;
using IcalEvent = Ical.Net.CalendarComponents.CalendarEvent;

namespace OobcCalendar.Modules.Scheduling.Features.Ics;

/// <summary>The signed-in user importing a file: they organise everything imported, in their unit, read in their zone.</summary>
internal sealed record IcsImporter(Guid Id, Guid? UnitId, string TimeZoneId);

/// <summary>An event or series from the file, built by the domain factory (so every rule of the editor applies) and ready to save.</summary>
internal sealed record PlannedImport(CalendarEvent Event, int ChangedOccurrences, int DeletedOccurrences, string? Note);

/// <summary>Something in the file that will not be imported, and why.</summary>
internal sealed record IcsSkippedItem(string What, string Reason);

/// <summary>
/// Builds one UID's VEVENTs (the series and its RECURRENCE-ID changes) into a domain event: EXDATEs and cancelled
/// occurrences become deleted occurrences, changed ones overrides. What cannot be imported is skipped with its reason;
/// a rule over the occurrence limit is blocking, because it would silently lose most of a series.
/// </summary>
internal sealed class IcsSeriesImport(IcsEventReading reading, IcsTimeResolver times, IcsImporter importer, DateTimeOffset now)
{
    public List<IcsSkippedItem> Skipped { get; } = [];

    public List<IcsSkippedItem> Blocking { get; } = [];

    public PlannedImport? Build(string uid, IcalEvent master, IReadOnlyList<IcalEvent> changes)
    {
        var title = IcsEventReading.TitleOf(master);
        CalendarEvent e;
        IcsDraft draft;
        try
        {
            draft = reading.Read(master, RuleOf(master));
            e = CalendarEvent.Create(Guid.CreateVersion7(), draft.Draft, importer.Id, importer.UnitId, now, uid);
        }
        catch (UserFacingException ex)
        {
            (RecurrenceExpander.IsOccurrenceLimit(ex) ? Blocking : Skipped).Add(new IcsSkippedItem(title, ex.Message));
            return null;
        }

        var deleted = master.ExceptionDates.GetAllDates().Count(date => TryDelete(e, times.Instant(date, e.TimeZoneId)));
        var changed = 0;
        foreach (var change in changes)
        {
            var what = $"Change to “{title}” on {change.RecurrenceIdentifier!.StartTime.Value.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}";
            try
            {
                if (Apply(e, change))
                {
                    changed++;
                }
                else
                {
                    deleted++;
                }
            }
            catch (UserFacingException ex)
            {
                Skipped.Add(new IcsSkippedItem(what, ex.Message));
            }
        }

        if (e.IsCancelled)
        {
            Skipped.Add(new IcsSkippedItem(title, "Every occurrence of this series is deleted in the file."));
            return null;
        }

        return new PlannedImport(e, changed, deleted, JoinNotes(draft.Note, StartNote(e, draft.Draft)));
    }

    /// <summary>
    /// Says so when the file's DTSTART is not one of its rule's occurrences (RFC 5545 leaves such a start undefined; some
    /// apps show it as an extra occurrence): the series starts on its first real occurrence, as one made here would.
    /// </summary>
    private static string? StartNote(CalendarEvent e, EventDraft draft) =>
        e.IsRecurring && e.StartUtc != draft.Start
            ? $"The file starts it on {TimeText.Date(draft.Start, e.Zone)}, a day its rule does not give: it starts on {TimeText.Date(e.StartUtc, e.Zone)}, its first occurrence."
            : null;

    private static string? JoinNotes(string? first, string? second) => first is null ? second : second is null ? first : $"{first} {second}";

    /// <summary>A changed occurrence whose series is not in the file (some exports hold only the instances someone changed).</summary>
    public PlannedImport? BuildSingle(string uid, IcalEvent change)
    {
        var single = Build(uid, change, []);
        return single is null ? null : single with { Note = "A changed occurrence without its series in the file: imported as a single event." };
    }

    /// <summary>Applies a RECURRENCE-ID VEVENT; true when it changed the occurrence, false when it deleted it.</summary>
    private bool Apply(CalendarEvent e, IcalEvent change)
    {
        if (!e.IsRecurring)
        {
            throw new BusinessRuleException("It changes one occurrence of an event that does not repeat.");
        }

        if (change.RecurrenceIdentifier!.Range == RecurrenceRange.ThisAndFuture)
        {
            throw new BusinessRuleException("It changes this and all later occurrences at once (RANGE=THISANDFUTURE), which cannot be imported; the series is imported without it.");
        }

        var recurrenceId = times.Instant(change.RecurrenceIdentifier.StartTime, e.TimeZoneId);
        if (string.Equals(change.Status, "CANCELLED", StringComparison.OrdinalIgnoreCase))
        {
            return TryDelete(e, recurrenceId) ? false : throw NotAnOccurrence();
        }

        try
        {
            // An exception keeps its own time, title, place and description; its CLASS, CATEGORIES and attendees are
            // the series' here (one occurrence cannot differ in them), so a file whose exceptions repeat or vary them
            // still imports.
            var draft = reading.Read(change, null).Draft with
            {
                CategoryId = e.CategoryId,
                Visibility = e.Visibility,
                ParticipantIds = e.Participants.Select(p => p.UserId).ToList(),
            };
            e.OverrideOccurrence(recurrenceId, draft, now);
        }
        catch (NotFoundException)
        {
            throw NotAnOccurrence();
        }

        return true;
    }

    private bool TryDelete(CalendarEvent e, DateTimeOffset recurrenceId)
    {
        try
        {
            e.ExcludeOccurrence(recurrenceId, importer.Id, now);
            return true;
        }
        catch (UserFacingException)
        {
            // An EXDATE that names no occurrence (or one already deleted) deletes nothing, as in any calendar client.
            return false;
        }
    }

    private static string? RuleOf(IcalEvent master)
    {
        if (master.Properties.Count(p => p.Name == "RRULE") > 1)
        {
            throw new BusinessRuleException("It repeats by several rules at once (more than one RRULE), which this calendar cannot hold.");
        }

        if (master.Properties.Any(p => p.Name is "RDATE" or "EXRULE"))
        {
            throw new BusinessRuleException("It repeats on extra dates or excludes dates by a rule (RDATE, EXRULE), which this calendar cannot hold.");
        }

        if (string.Equals(master.Status, "CANCELLED", StringComparison.OrdinalIgnoreCase))
        {
            throw new BusinessRuleException("It is cancelled in the file.");
        }

        return master.RecurrenceRule?.ToString();
    }

    private static BusinessRuleException NotAnOccurrence() => new("It names an occurrence the series does not have.");
}
