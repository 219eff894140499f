using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Leave.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave.Features.Requests;

/// <summary>The approver declines a person's ask to cancel leave under way: the leave stands, and the answer is recorded.</summary>
internal sealed record DeclineLeaveCancel(Guid RequestId) : ICommand;

internal sealed class DeclineLeaveCancelHandler(
    IDbContextFactory<LeaveDbContext> contexts,
    ICurrentUser currentUser,
    IUserDirectory directory,
    LeaveApprovers approvers,
    TimeProvider clock) : ICommandHandler<DeclineLeaveCancel>
{
    public async ValueTask<Unit> Handle(DeclineLeaveCancel command, CancellationToken cancellationToken)
    {
        var today = WallClock.Today(clock, OfficeTime.DefaultTimeZoneId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var request = await LeaveDecisions.LoadForDecisionAsync(db, approvers, directory, currentUser, command.RequestId, today, cancellationToken);
        request.DeclineCancel(currentUser.Id, clock.GetUtcNow());
        LeaveNotices.CancelAskChanged(db, request, "cancel-declined");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("This leave changed a moment ago (cancelled or answered by someone else). Reload and try again.");
        }

        return Unit.Value;
    }
}
