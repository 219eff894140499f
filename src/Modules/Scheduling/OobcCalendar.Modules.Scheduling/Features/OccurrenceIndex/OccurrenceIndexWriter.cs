using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Persistence;
using OobcCalendar.Shared.Errors;

namespace OobcCalendar.Modules.Scheduling.Features.OccurrenceIndex;

/// <summary>
/// Keeps the occurrence index in step with events: every write of an event replaces its index rows in the same
/// transaction, so a calendar query never sees an event without its occurrences or the other way round.
/// </summary>
internal static class OccurrenceIndexWriter
{
    /// <summary>How far ahead series are materialised when no job has run yet.</summary>
    public static readonly TimeSpan DefaultLookAhead = TimeSpan.FromDays(400);

    /// <summary>The current horizon (series occurrences are indexed up to it).</summary>
    public static async Task<DateTimeOffset> HorizonAsync(SchedulingDbContext db, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.IndexState.AsNoTracking().Where(s => s.Id == 1).Select(s => (DateTimeOffset?)s.HorizonUtc).FirstOrDefaultAsync(cancellationToken)
        ?? now + DefaultLookAhead;

    /// <summary>
    /// Saves <paramref name="changed"/> events (tracked by <paramref name="db"/>) and rewrites their index rows, in one
    /// transaction. A concurrent edit of the same event fails with a clear message and changes nothing.
    /// </summary>
    public static async Task SaveAsync(SchedulingDbContext db, IReadOnlyCollection<CalendarEvent> changed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // FOR SHARE: a nightly extension (FOR UPDATE) and this write never interleave, so no occurrence falls
        // between the horizon this write indexed to and the one the job moves to.
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO scheduling.occurrence_index_state (id, horizon_utc) VALUES (1, {now + DefaultLookAhead}) ON CONFLICT (id) DO NOTHING",
            cancellationToken);
        var horizon = await db.IndexState.FromSql($"SELECT * FROM scheduling.occurrence_index_state WHERE id = 1 FOR SHARE")
            .AsNoTracking().Select(s => s.HorizonUtc).SingleAsync(cancellationToken);
        var ids = changed.Select(e => e.Id).Order().ToArray();
        // Lock the events before touching their index rows: a concurrent edit of the same event waits here until this
        // one commits, then fails the version check below. Without the lock both deleted the old rows, and the loser
        // hit the winner's new rows with a duplicate key, an unexplained error instead of "someone else changed it".
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM scheduling.events WHERE id = ANY({ids}) ORDER BY id FOR UPDATE", cancellationToken);
        await db.Occurrences.Where(o => ids.Contains(o.EventId)).ExecuteDeleteAsync(cancellationToken);
        foreach (var calendarEvent in changed)
        {
            db.Occurrences.AddRange(Rows(calendarEvent, DateTimeOffset.MinValue, horizon));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("Someone else changed this event a moment ago. Reload it and try again.");
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Index rows of <paramref name="calendarEvent"/> starting in [<paramref name="from"/>, <paramref name="to"/>); single events always get their row.</summary>
    public static IEnumerable<EventOccurrence> Rows(CalendarEvent calendarEvent, DateTimeOffset from, DateTimeOffset to)
    {
        var until = calendarEvent.IsRecurring ? to : DateTimeOffset.MaxValue;
        return calendarEvent.Occurrences(from, until)
            .Where(o => o.StartUtc >= from || !calendarEvent.IsRecurring)
            .Select(o => new EventOccurrence
            {
                EventId = calendarEvent.Id,
                RecurrenceId = o.RecurrenceId,
                StartUtc = o.StartUtc,
                EndUtc = o.EndUtc,
                Title = o.Override?.Title ?? calendarEvent.Title,
                Location = o.Override?.Location ?? calendarEvent.Location,
                Overridden = o.Override is not null,
            });
    }
}
