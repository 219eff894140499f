using System.Text;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Features.OccurrenceIndex;
using OobcCalendar.Modules.Scheduling.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Scheduling.Features.Ics;

/// <summary>
/// Answers <see cref="GetCalendarIcs"/> with the same selection and writer as the signed-in export
/// (<see cref="ExportCalendarIcs"/>), for owners given by the caller instead of the current user.
/// </summary>
internal sealed class GetCalendarIcsHandler(
    IDbContextFactory<SchedulingDbContext> contexts,
    IUserDirectory directory,
    TimeProvider clock) : IQueryHandler<GetCalendarIcs, string>
{
    public async ValueTask<string> Handle(GetCalendarIcs query, CancellationToken cancellationToken)
    {
        var owners = query.OwnerIds.Distinct().ToArray();
        if (owners.Length is 0 or > GetCalendarIcs.MaxOwners)
        {
            throw Invalid("ownerIds", $"Give between 1 and {GetCalendarIcs.MaxOwners} calendars.");
        }

        if (query.To <= query.From || query.To - query.From > TimeSpan.FromDays(GetCalendarIcs.MaxDays))
        {
            throw Invalid("to", $"The end must be after the start and at most {GetCalendarIcs.MaxDays} days later.");
        }

        var (from, to) = (query.From.ToUniversalTime(), query.To.ToUniversalTime());
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // Overlap (&&) on member_ids, as CalendarVisibility does, so the GIN index serves it.
        var theirs = db.Events.Where(e => e.MemberIds.Any(m => owners.Contains(m)));
        var earliest = from - CalendarEvent.MaxDuration;
        var ids = await db.Occurrences
            .Where(o => o.StartUtc < to && o.StartUtc > earliest && o.EndUtc > from && theirs.Any(e => e.Id == o.EventId))
            .Select(o => o.EventId).Distinct().ToListAsync(cancellationToken);
        var events = await db.Events.AsNoTracking().Where(e => ids.Contains(e.Id)).ToListAsync(cancellationToken);

        // Series still running past the index horizon are expanded here, as the export and the feed do.
        var horizon = await OccurrenceIndexWriter.HorizonAsync(db, clock.GetUtcNow(), cancellationToken);
        if (to > horizon)
        {
            var later = await theirs.AsNoTracking()
                .Where(e => e.RecurrenceRule != null && e.StartUtc < to && (e.SeriesEndUtc == null || e.SeriesEndUtc > horizon) && !ids.Contains(e.Id))
                .ToListAsync(cancellationToken);
            events.AddRange(later.Where(e => e.Occurrences(from > horizon ? from : horizon, to).Count > 0));
        }

        // An invitation every owner declined is left out, as on their calendars.
        events = events.Where(e => owners.Any(o => e.HasMember(o) && !e.Participants.Any(p => p.UserId == o && p.Response == ParticipantResponse.Declined))).ToList();
        var categoryIds = events.Where(e => e.CategoryId is not null).Select(e => e.CategoryId!.Value).Distinct().ToList();
        var categories = await db.Categories.AsNoTracking().Where(c => categoryIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var items = events.OrderBy(e => e.StartUtc)
            .Select(e => new IcsExportItem(
                e,
                DetailsHidden: query.DetailLevel == IcsDetailLevel.FreeBusy || e.Visibility == EventVisibility.Private
                    || (IsPublic(query.DetailLevel) && e.Visibility != EventVisibility.Normal),
                IsPublic(query.DetailLevel) ? null : e.CategoryId is { } id ? categories.GetValueOrDefault(id) : null)
            {
                // Readers outside the office never learn who takes part, nor what only the owners' own alarms say.
                WithoutPeople = IsPublic(query.DetailLevel),
                TitleOnly = query.DetailLevel == IcsDetailLevel.PublicTitles,
            })
            .ToList();
        var people = await IcsExportItems.PeopleAsync(directory, items, cancellationToken);
        return Encoding.UTF8.GetString(IcsWriter.Write(items, people, clock.GetUtcNow(), calendarName: null));
    }

    private static bool IsPublic(IcsDetailLevel level) => level is IcsDetailLevel.PublicTitles or IcsDetailLevel.PublicDetails;

    private static InputValidationException Invalid(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}
