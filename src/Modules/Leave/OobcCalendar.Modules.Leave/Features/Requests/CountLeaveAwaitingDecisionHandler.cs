using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Leave.Contracts;
using OobcCalendar.Modules.Leave.Persistence;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave.Features.Requests;

/// <summary>Answers the digest's question with the approvals dashboard's rule (<see cref="LeaveApprovers.DecidableAsync"/>).</summary>
internal sealed class CountLeaveAwaitingDecisionHandler(
    IDbContextFactory<LeaveDbContext> contexts, IUserDirectory directory, LeaveApprovers approvers, TimeProvider clock)
    : IQueryHandler<CountLeaveAwaitingDecision, int>
{
    public async ValueTask<int> Handle(CountLeaveAwaitingDecision query, CancellationToken cancellationToken)
    {
        if (await directory.FindAsync(query.ApproverId, cancellationToken) is not { IsActive: true } approver
            || !Roles.OfficeMemberRoles.Any(approver.Roles.Contains))
        {
            return 0;
        }

        var today = WallClock.Today(clock, OfficeTime.DefaultTimeZoneId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = await db.Requests.AsNoTracking()
            .Where(LeaveApprovers.WaitingForADecision)
            .Where(r => r.PersonId != approver.Id)
            .ToListAsync(cancellationToken);
        return pending.Count == 0
            ? 0
            : (await approvers.DecidableAsync(db, pending, approver.Id, approver.Roles.Contains(Roles.Admin), today, cancellationToken)).Count;
    }
}
