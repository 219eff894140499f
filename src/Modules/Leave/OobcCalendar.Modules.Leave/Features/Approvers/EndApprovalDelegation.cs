using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Leave.Features.Requests;
using OobcCalendar.Modules.Leave.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave.Features.Approvers;

/// <summary>The manager (or Admin) ends a delegation early, or withdraws one not yet begun: the substitute stops deciding now.</summary>
internal sealed record EndApprovalDelegation(Guid DelegationId) : ICommand;

internal sealed class EndApprovalDelegationHandler(IDbContextFactory<LeaveDbContext> contexts, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<EndApprovalDelegation>
{
    public async ValueTask<Unit> Handle(EndApprovalDelegation command, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var delegation = await db.Delegations.FirstOrDefaultAsync(d => d.Id == command.DelegationId, cancellationToken)
            ?? throw new NotFoundException("That delegation no longer exists.");
        ApprovalDelegations.EnsureMayManage(currentUser, delegation.ManagerId);
        delegation.End(currentUser.Id, clock.GetUtcNow());
        LeaveNotices.ApproversChanged(db);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
