using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Leave.Domain.Requests;
using OobcCalendar.Modules.Leave.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave.Features.Requests;

/// <summary>
/// Who decides a person's leave (ADR 0016, ADR 0026), read from the user directory and Leave's own approver settings at
/// the moment of deciding or listing, so a change of manager or a new substitute moves the pending requests with it:
/// <list type="bullet">
/// <item>the person's manager (<see cref="DirectoryUser.ManagerId"/>, when active);</item>
/// <item>while a delegation of that manager covers today, their substitute too;</item>
/// <item>else, while the manager is away on approved leave today, their own manager (Admins when there is none);</item>
/// <item>a person without an active manager: the Admins;</item>
/// <item>the second level: Admin and the HR approvers Admin named; whoever gave the first approval cannot give the
/// second unless they are Admin. Admin may decide any request but their own.</item>
/// </list>
/// Substitutes and HR approvers count only while active and holding an approver role (Manager or Admin), since the
/// Approvals place is theirs. Nobody decides their own request.
/// </summary>
internal sealed class LeaveApprovers(IUserDirectory directory)
{
    /// <summary>What waits for an approver: pending requests, and approved leave with an open ask to cancel.</summary>
    public static Expression<Func<LeaveRequest, bool>> WaitingForADecision { get; } = r =>
        r.Status == LeaveRequestStatus.Pending || (r.Status == LeaveRequestStatus.Approved && r.CancelAskedAt != null && r.CancelDeclinedAt == null);

    /// <summary>The first-level approvers of <paramref name="personId"/>'s leave today.</summary>
    public async Task<IReadOnlyList<Guid>> ForAsync(LeaveDbContext db, Guid personId, DateOnly today, CancellationToken cancellationToken) =>
        (await FirstLevelAsync(db, personId, today, cancellationToken)).Ids;

    /// <summary>The first-level approvers, and for each substitute among them the manager they stand in for.</summary>
    public async Task<FirstLevelApprovers> FirstLevelAsync(LeaveDbContext db, Guid personId, DateOnly today, CancellationToken cancellationToken)
    {
        var person = await directory.FindAsync(personId, cancellationToken);
        var manager = person?.ManagerId is { } managerId ? await directory.FindAsync(managerId, cancellationToken) : null;
        if (manager is not { IsActive: true })
        {
            return new FirstLevelApprovers(await AdminsExceptAsync(personId, cancellationToken), new Dictionary<Guid, Guid>());
        }

        var substitutes = await SubstitutesAsync(db, manager.Id, today, cancellationToken);
        var standIns = substitutes.Where(s => s != personId).ToList();
        if (standIns.Count > 0)
        {
            return new FirstLevelApprovers([manager.Id, .. standIns], standIns.ToDictionary(s => s, _ => manager.Id));
        }

        if (!await IsAwayAsync(db, manager.Id, today, cancellationToken))
        {
            return new FirstLevelApprovers([manager.Id], new Dictionary<Guid, Guid>());
        }

        var above = manager.ManagerId is { } next ? await directory.FindAsync(next, cancellationToken) : null;
        return above is { IsActive: true } && above.Id != personId
            ? new FirstLevelApprovers([manager.Id, above.Id], new Dictionary<Guid, Guid> { [above.Id] = manager.Id })
            : new FirstLevelApprovers([manager.Id, .. await AdminsExceptAsync(personId, cancellationToken)], new Dictionary<Guid, Guid>());
    }

    /// <summary>Whether <paramref name="userId"/> is a named HR approver who may act now (active, with an approver role).</summary>
    public async Task<bool> IsHrApproverAsync(LeaveDbContext db, Guid userId, CancellationToken cancellationToken) =>
        await db.HrApprovers.AnyAsync(h => h.PersonId == userId, cancellationToken)
        && IsApproverAccount(await directory.FindAsync(userId, cancellationToken));

    /// <summary>
    /// Whether <paramref name="deciderId"/> may decide this request now: pending at the first level, its first-level
    /// approvers; at the second level, Admin or an HR approver who did not give the first; approved (cancelling, an ask
    /// to cancel), its first-level approvers. Admin always, but never for their own.
    /// </summary>
    public async Task<bool> MayDecideAsync(LeaveDbContext db, LeaveRequest request, Guid deciderId, bool deciderIsAdmin, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (deciderId == request.PersonId)
        {
            return false;
        }

        if (deciderIsAdmin)
        {
            return true;
        }

        return request.Stage == ApprovalStage.SecondLevel
            ? request.FirstApprovedBy != deciderId && await IsHrApproverAsync(db, deciderId, cancellationToken)
            : (await ForAsync(db, request.PersonId, today, cancellationToken)).Contains(deciderId);
    }

    /// <summary>
    /// Which of these requests (pending, or approved with an open ask to cancel) <paramref name="me"/> may decide now, each
    /// with the manager <paramref name="me"/> stands in for (null when deciding in their own right). The approval list
    /// and the drawer's counter both use it, so the two never disagree.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, Guid?>> DecidableAsync(
        LeaveDbContext db, IReadOnlyList<LeaveRequest> requests, Guid me, bool isAdmin, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var firstLevel = new Dictionary<Guid, FirstLevelApprovers>();
        bool? hr = null;
        var mine = new Dictionary<Guid, Guid?>();
        foreach (var r in requests.Where(r => r.PersonId != me))
        {
            if (r.Stage == ApprovalStage.SecondLevel)
            {
                hr ??= !isAdmin && await IsHrApproverAsync(db, me, cancellationToken);
                if (isAdmin || (hr.Value && r.FirstApprovedBy != me))
                {
                    mine[r.Id] = null;
                }

                continue;
            }

            if (!firstLevel.TryGetValue(r.PersonId, out var approvers))
            {
                firstLevel[r.PersonId] = approvers = await FirstLevelAsync(db, r.PersonId, today, cancellationToken);
            }

            if (approvers.Ids.Contains(me))
            {
                mine[r.Id] = approvers.StandsInFor.TryGetValue(me, out var manager) ? manager : null;
            }
            else if (isAdmin)
            {
                mine[r.Id] = null;
            }
        }

        return mine;
    }

    /// <summary>An account that may use the Approvals place: active, Manager or Admin.</summary>
    public static bool IsApproverAccount(DirectoryUser? user) =>
        user is { IsActive: true } && (user.Roles.Contains(Roles.Manager) || user.Roles.Contains(Roles.Admin));

    private async Task<IReadOnlyList<Guid>> SubstitutesAsync(LeaveDbContext db, Guid managerId, DateOnly today, CancellationToken cancellationToken)
    {
        var ids = await db.Delegations.AsNoTracking()
            .Where(d => d.ManagerId == managerId && d.EndedAt == null && d.FromDay <= today && d.ToDay >= today)
            .Select(d => d.SubstituteId)
            .ToListAsync(cancellationToken);
        return ids.Count == 0 ? [] : [.. (await directory.GetManyAsync(ids, cancellationToken)).Where(IsApproverAccount).Select(u => u.Id)];
    }

    private async Task<IReadOnlyList<Guid>> AdminsExceptAsync(Guid personId, CancellationToken cancellationToken) =>
        [.. (await directory.InRoleAsync(Roles.Admin, cancellationToken)).Where(a => a.Id != personId).Select(a => a.Id)];

    private static Task<bool> IsAwayAsync(LeaveDbContext db, Guid personId, DateOnly today, CancellationToken cancellationToken) =>
        db.Requests.AnyAsync(r => r.PersonId == personId && r.Status == LeaveRequestStatus.Approved && r.FirstDay <= today && r.LastDay >= today, cancellationToken);
}

/// <summary>First-level approvers of one person's leave; <see cref="StandsInFor"/> maps a substitute to the manager they replace.</summary>
internal sealed record FirstLevelApprovers(IReadOnlyList<Guid> Ids, IReadOnlyDictionary<Guid, Guid> StandsInFor);
