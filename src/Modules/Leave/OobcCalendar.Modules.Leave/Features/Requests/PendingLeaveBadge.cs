using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Leave.Contracts;
using OobcCalendar.Modules.Leave.Domain.Requests;
using OobcCalendar.Modules.Leave.Persistence;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave.Features.Requests;

/// <summary>The live count of leave requests waiting for this approver: the Leave part of the drawer's Approvals counter.</summary>
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
            .Where(r => r.Status == LeaveRequestStatus.Pending && r.PersonId != user.Id)
            .ToListAsync(cancellationToken);
        var today = WallClock.Today(clock, OfficeTime.DefaultTimeZoneId);
        return (await ListLeaveToDecideHandler.DecidableAsync(db, approvers, pending, user.Id, user.IsInRole(Roles.Admin), today, cancellationToken)).Count;
    }
}
