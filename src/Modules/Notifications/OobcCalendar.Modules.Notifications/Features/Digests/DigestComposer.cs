using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Leave.Contracts;
using OobcCalendar.Modules.Notifications.Features.EventsReadModel;
using OobcCalendar.Modules.Notifications.Messages.Digests;
using OobcCalendar.Modules.Notifications.Persistence;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Notifications.Features.Digests;

/// <summary>
/// Gathers what one digest says, bounded: the person's occurrences in the window from Notifications' own read model of
/// Scheduling (expanded as reminders expand them, declined ones left out), and, when those modules are on, their
/// bookings (Resources' calendar query), teammates away (Leave's approved leave) and, for approvers, how many requests
/// wait for them (both modules' count queries). One composer per sweep run: approved leave is read once.
/// </summary>
internal sealed class DigestComposer(NotificationsDbContext db, IMediator mediator, IUserDirectory directory, ModuleCatalog catalog)
{
    /// <summary>Events listed in a daily digest; the rest are counted.</summary>
    public const int MaxDailyEvents = 20;

    /// <summary>Events listed in a weekly digest; the rest are counted.</summary>
    public const int MaxWeeklyEvents = 50;

    /// <summary>Bookings and absences listed in a daily digest.</summary>
    public const int MaxOtherLines = 20;

    private List<(ApprovedLeave Leave, DirectoryUser Person)>? leave;

    public async Task<DailyDigestModel> DailyAsync(DirectoryUser user, DateOnly day, DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken cancellationToken)
    {
        var events = await EventsAsync(user.Id, fromUtc, toUtc, cancellationToken);
        var bookings = catalog.IsEnabled(ResourcesModuleContract.Name)
            ? (await mediator.Send(new GetCalendarBookings(user.Id, fromUtc, toUtc, IncludePending: true), cancellationToken))
                .OrderBy(b => b.StartUtc).Take(MaxOtherLines)
                .Select(b => new DigestBooking(b.ResourceName, b.Purpose, b.StartUtc, b.EndUtc, b.Status)).ToList()
            : [];
        var away = catalog.IsEnabled(LeaveModuleContract.Name) ? await AwayAsync(user, day, fromUtc, cancellationToken) : [];
        return new DailyDigestModel(day, [.. events.Take(MaxDailyEvents)], Math.Max(0, events.Count - MaxDailyEvents), bookings, away, await ApprovalsAsync(user, cancellationToken));
    }

    public async Task<WeeklyDigestModel> WeeklyAsync(Guid userId, DateOnly monday, DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken cancellationToken)
    {
        var events = await EventsAsync(userId, fromUtc, toUtc, cancellationToken);
        return new WeeklyDigestModel(monday, [.. events.Take(MaxWeeklyEvents)], Math.Max(0, events.Count - MaxWeeklyEvents));
    }

    /// <summary>The person's live occurrences starting in [from, to), by start.</summary>
    private async Task<List<DigestEvent>> EventsAsync(Guid userId, DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken cancellationToken)
    {
        var known = await db.KnownEvents.AsNoTracking()
            .Where(e => !e.Cancelled && (e.OrganizerId == userId || e.ParticipantIds.Contains(userId)))
            .Where(e => e.RecurrenceRule != null || (e.StartUtc >= fromUtc && e.StartUtc < toUtc))
            .Where(e => e.StartUtc < toUtc)
            .ToListAsync(cancellationToken);
        if (known.Count == 0)
        {
            return [];
        }

        var ids = known.Select(e => e.EventId).ToList();
        var changes = (await db.KnownOccurrenceChanges.AsNoTracking().Where(c => ids.Contains(c.EventId)).ToListAsync(cancellationToken)).ToLookup(c => c.EventId);
        var answers = (await db.KnownAnswers.AsNoTracking().Where(a => ids.Contains(a.EventId) && a.ParticipantId == userId).ToListAsync(cancellationToken)).ToLookup(a => a.EventId);
        var result = new List<DigestEvent>();
        foreach (var e in known)
        {
            // Between() is inclusive at its end; the window here is half-open, so the next day's midnight is not today's.
            foreach (var o in KnownOccurrences.Between(e, [.. changes[e.EventId]], fromUtc, toUtc.AddTicks(-1)))
            {
                if (!KnownOccurrences.Declined([.. answers[e.EventId]], userId, o.RecurrenceIdUtc, e.IsRecurring))
                {
                    result.Add(new DigestEvent(e.Title, e.Location, o.StartUtc, o.EndUtc));
                }
            }
        }

        return [.. result.OrderBy(r => r.StartUtc).ThenBy(r => r.Title, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The approvals dashboards' counts, asked of their modules (Contracts queries: who may decide what is their rule,
    /// a second level and substitutes included). Only managers and Admin approve bookings; anyone may stand in for a
    /// manager on leave, so Leave is asked for every office member.
    /// </summary>
    private async Task<DigestApprovals> ApprovalsAsync(DirectoryUser user, CancellationToken cancellationToken)
    {
        var bookings = catalog.IsEnabled(ResourcesModuleContract.Name) && (user.Roles.Contains(Roles.Admin) || user.Roles.Contains(Roles.Manager))
            ? await mediator.Send(new CountBookingsAwaitingDecision(user.Id), cancellationToken)
            : 0;
        var leaveCount = catalog.IsEnabled(LeaveModuleContract.Name)
            ? await mediator.Send(new CountLeaveAwaitingDecision(user.Id), cancellationToken)
            : 0;
        return new DigestApprovals(bookings, leaveCount);
    }

    /// <summary>Teammates (same unit, the person's manager, or whom they manage) away on <paramref name="day"/>.</summary>
    private async Task<List<DigestAbsence>> AwayAsync(DirectoryUser user, DateOnly day, DateTimeOffset fromUtc, CancellationToken cancellationToken)
    {
        if (leave is null)
        {
            var all = await mediator.Send(new ListApprovedLeave(fromUtc.AddDays(-1)), cancellationToken);
            var people = (await directory.GetManyAsync([.. all.Select(l => l.PersonId).Distinct()], cancellationToken)).ToDictionary(p => p.Id);
            leave = [.. all.Where(l => people.ContainsKey(l.PersonId)).Select(l => (l, people[l.PersonId]))];
        }

        return [.. leave
            .Where(x => x.Person.Id != user.Id && x.Leave.FirstDay <= day && x.Leave.LastDay >= day)
            .Where(x => (user.OrganisationUnitId is { } unit && x.Person.OrganisationUnitId == unit) || x.Person.Id == user.ManagerId || x.Person.ManagerId == user.Id)
            .Select(x => new DigestAbsence(x.Person.DisplayName, x.Leave.FirstDay, x.Leave.LastDay))
            .DistinctBy(a => (a.PersonName, a.FirstDay))
            .OrderBy(a => a.PersonName, StringComparer.Ordinal)
            .Take(MaxOtherLines)];
    }
}
