using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Scheduling.Features.Events;

/// <summary>Which of these people already have an event (not declined, not cancelled) overlapping the time, for the "already busy" warning.</summary>
internal sealed record FindBusyParticipants(IReadOnlyList<Guid> UserIds, DateTimeOffset Start, DateTimeOffset End, Guid? IgnoreEventId) : IQuery<IReadOnlyList<BusyParticipant>>;

/// <summary>A person who is busy then.</summary>
internal sealed record BusyParticipant(Guid UserId, string DisplayName);

internal sealed class FindBusyParticipantsHandler(IDbContextFactory<SchedulingDbContext> contexts, IUserDirectory directory)
    : IQueryHandler<FindBusyParticipants, IReadOnlyList<BusyParticipant>>
{
    public async ValueTask<IReadOnlyList<BusyParticipant>> Handle(FindBusyParticipants query, CancellationToken cancellationToken)
    {
        var ids = query.UserIds.Distinct().ToArray();
        if (ids.Length == 0 || query.End <= query.Start)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var earliest = query.Start - CalendarEvent.MaxDuration;
        var clashes = await (
            from o in db.Occurrences
            join e in db.Events on o.EventId equals e.Id
            where o.StartUtc < query.End && o.StartUtc > earliest && o.EndUtc > query.Start
                  && e.CancelledAt == null && e.Id != query.IgnoreEventId && e.MemberIds.Any(m => ids.Contains(m))
            select new
            {
                e.MemberIds,
                Declined = e.Participants.Where(p => p.Response == ParticipantResponse.Declined).Select(p => p.UserId).ToList(),
                Answers = e.OccurrenceAnswers.Where(x => x.RecurrenceId == o.RecurrenceId).Select(x => new { x.UserId, x.Response }).ToList(),
            }).ToListAsync(cancellationToken);
        // Not busy: who declined this occurrence, or declined the series and did not say yes to this one.
        var busy = clashes
            .SelectMany(c => c.MemberIds.Where(m =>
                c.Answers.FirstOrDefault(x => x.UserId == m) is { } answer
                    ? answer.Response != ParticipantResponse.Declined
                    : !c.Declined.Contains(m)))
            .Where(ids.Contains)
            .ToHashSet();
        if (busy.Count == 0)
        {
            return [];
        }

        var people = await directory.GetManyAsync(busy, cancellationToken);
        return people.Select(p => new BusyParticipant(p.Id, p.DisplayName)).OrderBy(p => p.DisplayName).ToList();
    }
}
