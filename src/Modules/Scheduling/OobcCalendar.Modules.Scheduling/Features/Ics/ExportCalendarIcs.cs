using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Features.Calendar;
using OobcCalendar.Modules.Scheduling.Features.OccurrenceIndex;
using OobcCalendar.Modules.Scheduling.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Users;
using OobcCalendar.Shared.Ics;
using OobcCalendar.Shared.Time;

namespace OobcCalendar.Modules.Scheduling.Features.Ics;

/// <summary>
/// The signed-in user's calendar from <paramref name="Start"/> up to (not including) <paramref name="End"/>, days of
/// their own zone, as an .ics file: every event and series with an occurrence in the range, a series whole with its
/// rule, so a calendar client shows it as one series. Declined invitations are left out, as on the calendar.
/// </summary>
internal sealed record ExportCalendarIcs(DateOnly Start, DateOnly End, CalendarScope Scope = CalendarScope.Mine) : IQuery<IcsFile>;

internal sealed class ExportCalendarIcsHandler(
    IDbContextFactory<SchedulingDbContext> contexts,
    ICurrentUser currentUser,
    IUserDirectory directory,
    TimeProvider clock) : IQueryHandler<ExportCalendarIcs, IcsFile>
{
    /// <summary>Most days one file may cover.</summary>
    public const int MaxDays = 400;

    public async ValueTask<IcsFile> Handle(ExportCalendarIcs query, CancellationToken cancellationToken)
    {
        // Before any conversion: 0001-01-01 has no midnight east of UTC (it answered 500).
        DateLimits.Ensure(query.Start, "start");
        if (!DateLimits.ContainsExclusiveEnd(query.End) && !DateLimits.Contains(query.End))
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["end"] = [DateLimits.OutOfRange("end")] });
        }

        if (query.End <= query.Start || query.End.DayNumber - query.Start.DayNumber > MaxDays)
        {
            throw new InputValidationException(new Dictionary<string, string[]>
            {
                ["end"] = [$"The end must be after the start and at most {MaxDays} days later."],
            });
        }

        var zone = OfficeTime.Zone(currentUser.TimeZoneId);
        var from = WallClock.AtMidnight(query.Start, zone);
        var to = WallClock.AtMidnight(query.End, zone);
        var me = currentUser.Id;
        var unit = query.Scope == CalendarScope.Unit ? (await directory.FindAsync(me, cancellationToken))?.OrganisationUnitId : null;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var visible = CalendarVisibility.Visible(db.Events, me, unit, query.Scope, null, showDeclined: false);
        var earliest = from - CalendarEvent.MaxDuration;
        var ids = await db.Occurrences
            .Where(o => o.StartUtc < to && o.StartUtc > earliest && o.EndUtc > from && visible.Any(e => e.Id == o.EventId))
            .Select(o => o.EventId).Distinct().ToListAsync(cancellationToken);
        var events = await db.Events.AsNoTracking().Where(e => ids.Contains(e.Id)).ToListAsync(cancellationToken);

        // Series still running past the index horizon are expanded here, as the calendar feed does.
        var horizon = await OccurrenceIndexWriter.HorizonAsync(db, clock.GetUtcNow(), cancellationToken);
        if (to > horizon)
        {
            var later = await visible.AsNoTracking()
                .Where(e => e.RecurrenceRule != null && e.StartUtc < to && (e.SeriesEndUtc == null || e.SeriesEndUtc > horizon) && !ids.Contains(e.Id))
                .ToListAsync(cancellationToken);
            events.AddRange(later.Where(e => e.Occurrences(from > horizon ? from : horizon, to).Count > 0));
        }

        var items = await IcsExportItems.ForAsync(db, events.OrderBy(e => e.StartUtc).ToList(), currentUser, cancellationToken);
        var people = await IcsExportItems.PeopleAsync(directory, items, cancellationToken);
        var content = IcsWriter.Write(items, people, clock.GetUtcNow(), $"OobcCalendar · {currentUser.DisplayName}");
        var last = query.End.AddDays(-1);
        var name = string.Create(CultureInfo.InvariantCulture, $"oobc-calendar-{query.Start:yyyy-MM-dd}-to-{last:yyyy-MM-dd}.ics");
        return new IcsFile(name, content);
    }
}
