using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Leave.Domain.Requests;
using OobcCalendar.Modules.Leave.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave.Features.Requests;

/// <summary>
/// Who decides a person's leave (ADR 0016), read from the user directory at the moment of deciding (as Resources reads
/// it to check approvers), so a change of manager moves the pending requests with it:
/// <list type="bullet">
/// <item>the person's manager (<see cref="DirectoryUser.ManagerId"/>, when active);</item>
/// <item>while that manager is away on approved leave today, their own manager substitutes (Admins when there is none);</item>
/// <item>a person without an active manager: the Admins;</item>
/// <item>Admin is the second level, and may decide any request but their own.</item>
/// </list>
/// Nobody decides their own request.
/// </summary>
internal sealed class LeaveApprovers(IUserDirectory directory)
{
    public async Task<IReadOnlyList<Guid>> ForAsync(LeaveDbContext db, Guid personId, DateOnly today, CancellationToken cancellationToken)
    {
        var person = await directory.FindAsync(personId, cancellationToken);
        var manager = person?.ManagerId is { } managerId ? await directory.FindAsync(managerId, cancellationToken) : null;
        if (manager is not { IsActive: true })
        {
            return await AdminsExceptAsync(personId, cancellationToken);
        }

        if (!await IsAwayAsync(db, manager.Id, today, cancellationToken))
        {
            return [manager.Id];
        }

        var substitute = manager.ManagerId is { } next ? await directory.FindAsync(next, cancellationToken) : null;
        return substitute is { IsActive: true } && substitute.Id != personId
            ? [manager.Id, substitute.Id]
            : [manager.Id, .. await AdminsExceptAsync(personId, cancellationToken)];
    }

    /// <summary>Whether <paramref name="deciderId"/> may decide this request now.</summary>
    public async Task<bool> MayDecideAsync(LeaveDbContext db, LeaveRequest request, Guid deciderId, bool deciderIsAdmin, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (deciderId == request.PersonId)
        {
            return false;
        }

        return deciderIsAdmin || (await ForAsync(db, request.PersonId, today, cancellationToken)).Contains(deciderId);
    }

    private async Task<IReadOnlyList<Guid>> AdminsExceptAsync(Guid personId, CancellationToken cancellationToken) =>
        [.. (await directory.InRoleAsync(Roles.Admin, cancellationToken)).Where(a => a.Id != personId).Select(a => a.Id)];

    private static Task<bool> IsAwayAsync(LeaveDbContext db, Guid personId, DateOnly today, CancellationToken cancellationToken) =>
        db.Requests.AnyAsync(r => r.PersonId == personId && r.Status == LeaveRequestStatus.Approved && r.FirstDay <= today && r.LastDay >= today, cancellationToken);
}
