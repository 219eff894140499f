using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Leave.Domain.Requests;
using OobcCalendar.Modules.Leave.Features.Balances;
using OobcCalendar.Modules.Leave.Persistence;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave.Features.Requests;

/// <summary>
/// Pending leave the signed-in user may decide, oldest first, with what the approval dashboard shows beside each:
/// the person, the days, their available credits. Admin sees every pending request but their own; a substitute sees
/// the requests of the manager they stand in for; an HR approver those at the second level. Approved leave whose
/// person asked to cancel it is listed too (<see cref="LeaveToDecide.CancelAskReason"/>), for the approver to confirm
/// or decline.
/// </summary>
internal sealed record ListLeaveToDecide : IQuery<IReadOnlyList<LeaveToDecide>>;

/// <summary>
/// One request on the dashboard. <paramref name="Available"/> is null for a type without credits;
/// <paramref name="StandingInFor"/> names the manager the signed-in user decides for as substitute;
/// <paramref name="CancelAskReason"/> is set when the row is an ask to cancel approved leave, not a pending request.
/// </summary>
internal sealed record LeaveToDecide(
    Guid RequestId,
    Guid PersonId,
    string PersonName,
    string LeaveTypeName,
    DateOnly FirstDay,
    DateOnly LastDay,
    string FirstDayPart,
    string LastDayPart,
    decimal Days,
    string Reason,
    string Stage,
    bool HasDocument,
    decimal? Available,
    DateTimeOffset FiledAt,
    string? StandingInFor = null,
    string? CancelAskReason = null);

internal sealed class ListLeaveToDecideHandler(
    IDbContextFactory<LeaveDbContext> contexts,
    ICurrentUser currentUser,
    IUserDirectory directory,
    LeaveApprovers approvers,
    TimeProvider clock) : IQueryHandler<ListLeaveToDecide, IReadOnlyList<LeaveToDecide>>
{
    public async ValueTask<IReadOnlyList<LeaveToDecide>> Handle(ListLeaveToDecide query, CancellationToken cancellationToken)
    {
        currentUser.EnsureOfficeMember("decide leave");
        var me = currentUser.Id;
        var isAdmin = currentUser.IsInRole(Roles.Admin);
        var today = WallClock.Today(clock, OfficeTime.DefaultTimeZoneId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = await db.Requests.AsNoTracking()
            .Where(LeaveApprovers.WaitingForADecision)
            .Where(r => r.PersonId != me)
            .OrderBy(r => r.CreatedAt)
            .Join(db.LeaveTypes, r => r.LeaveTypeId, t => t.Id, (r, t) => new { Request = r, t.Settings.Name, t.Settings.Code })
            .ToListAsync(cancellationToken);
        var decidable = await approvers.DecidableAsync(db, [.. pending.Select(p => p.Request)], me, isAdmin, today, cancellationToken);
        var named = pending.Select(p => p.Request.PersonId).Concat(decidable.Values.OfType<Guid>()).Distinct().ToList();
        var people = (await directory.GetManyAsync(named, cancellationToken)).ToDictionary(u => u.Id);
        var documents = (await db.Documents.Where(d => pending.Select(p => p.Request.Id).Contains(d.RequestId)).Select(d => d.RequestId).ToListAsync(cancellationToken)).ToHashSet();

        var mine = new List<LeaveToDecide>();
        var balances = new Dictionary<Guid, IReadOnlyList<LeaveBalance>>();
        foreach (var p in pending)
        {
            var r = p.Request;
            if (!decidable.TryGetValue(r.Id, out var standingInFor))
            {
                continue;
            }

            if (!balances.TryGetValue(r.PersonId, out var personBalances))
            {
                balances[r.PersonId] = personBalances = await GetMyBalancesHandler.BalancesOfAsync(contexts, r.PersonId, cancellationToken);
            }

            var available = personBalances.FirstOrDefault(b => b.Code == p.Code)?.Available;
            mine.Add(new LeaveToDecide(
                r.Id, r.PersonId, people.GetValueOrDefault(r.PersonId)?.DisplayName ?? "Former colleague", p.Name, r.FirstDay, r.LastDay,
                r.FirstDayPart.ToString(), r.LastDayPart.ToString(), r.Days, r.Reason, r.Stage.ToString(), documents.Contains(r.Id), available, r.CreatedAt,
                standingInFor is { } manager ? people.GetValueOrDefault(manager)?.DisplayName ?? "a former colleague" : null,
                r.CancelAskOpen ? r.CancelAskReason : null));
        }

        return mine;
    }
}
