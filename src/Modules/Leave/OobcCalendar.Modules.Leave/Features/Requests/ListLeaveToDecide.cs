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
/// the person, the days, their available credits. Admin sees every pending request but their own.
/// </summary>
internal sealed record ListLeaveToDecide : IQuery<IReadOnlyList<LeaveToDecide>>;

/// <summary>One pending request on the dashboard. <paramref name="Available"/> is null for a type without credits.</summary>
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
    DateTimeOffset FiledAt);

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
            .Where(r => r.Status == LeaveRequestStatus.Pending && r.PersonId != me)
            .OrderBy(r => r.CreatedAt)
            .Join(db.LeaveTypes, r => r.LeaveTypeId, t => t.Id, (r, t) => new { Request = r, t.Settings.Name, t.Settings.Code })
            .ToListAsync(cancellationToken);
        var people = (await directory.GetManyAsync([.. pending.Select(p => p.Request.PersonId).Distinct()], cancellationToken)).ToDictionary(u => u.Id);
        var documents = (await db.Documents.Where(d => pending.Select(p => p.Request.Id).Contains(d.RequestId)).Select(d => d.RequestId).ToListAsync(cancellationToken)).ToHashSet();

        var mine = new List<LeaveToDecide>();
        var balances = new Dictionary<Guid, IReadOnlyList<LeaveBalance>>();
        var decidable = (await DecidableAsync(db, approvers, [.. pending.Select(p => p.Request)], me, isAdmin, today, cancellationToken)).ToHashSet();
        foreach (var p in pending)
        {
            var r = p.Request;
            if (!decidable.Contains(r.Id))
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
                r.FirstDayPart.ToString(), r.LastDayPart.ToString(), r.Days, r.Reason, r.Stage.ToString(), documents.Contains(r.Id), available, r.CreatedAt));
        }

        return mine;
    }

    /// <summary>
    /// Which of these pending requests <paramref name="me"/> may decide now (their approver, or Admin; a second-level
    /// request only Admin): shared with the drawer's counter so the two never disagree.
    /// </summary>
    public static async Task<IReadOnlyList<Guid>> DecidableAsync(
        LeaveDbContext db, LeaveApprovers approvers, IReadOnlyList<LeaveRequest> pending, Guid me, bool isAdmin, DateOnly today, CancellationToken cancellationToken)
    {
        var deciders = new Dictionary<Guid, IReadOnlyList<Guid>>();
        var mine = new List<Guid>();
        foreach (var r in pending.Where(r => r.PersonId != me))
        {
            if (!isAdmin)
            {
                if (r.Stage == ApprovalStage.SecondLevel)
                {
                    continue;
                }

                if (!deciders.TryGetValue(r.PersonId, out var ids))
                {
                    deciders[r.PersonId] = ids = await approvers.ForAsync(db, r.PersonId, today, cancellationToken);
                }

                if (!ids.Contains(me))
                {
                    continue;
                }
            }

            mine.Add(r.Id);
        }

        return mine;
    }
}
