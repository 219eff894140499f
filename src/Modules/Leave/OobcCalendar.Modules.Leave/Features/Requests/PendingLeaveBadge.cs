using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Leave.Contracts;
using OobcCalendar.Modules.Leave.Domain.Requests;
using OobcCalendar.Modules.Leave.Persistence;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave.Features.Requests;

/// <summary>
/// The live count of leave requests (and asks to cancel) waiting for this approver: the Leave part of the drawer's
/// Approvals counter. It counts what ListLeaveToDecide lists, through the same <see cref="LeaveApprovers.DecidableAsync"/>.
/// Substitutes and HR approvers hold an approver role (ADR 0026), so the role gate loses nobody.
/// </summary>
internal sealed class PendingLeaveBadge(IDbContextFactory<LeaveDbContext> contexts, LeaveApprovers approvers, TimeProvider clock) : INavBadgeSource
{
    public const string BadgeKey = "leave.pending-approvals";

    public string Key => BadgeKey;

    public IReadOnlyList<string> Topics { get; } = [LeaveTopics.Requests];

    public async Task<int> CountAsync(ICurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsInRole(Roles.Manager) && !user.IsInRole(Roles.Admin))
        {
            return 0;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = await db.Requests.AsNoTracking()
            .Where(LeaveApprovers.WaitingForADecision)
            .Where(r => r.PersonId != user.Id)
            .ToListAsync(cancellationToken);
        var today = WallClock.Today(clock, OfficeTime.DefaultTimeZoneId);
        return (await approvers.DecidableAsync(db, pending, user.Id, user.IsInRole(Roles.Admin), today, cancellationToken)).Count;
    }
}
