using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Leave.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave.Features.Requests;

/// <summary>
/// The person asks their approver to end approved leave that has started (issue 11: "after it starts, cancelling asks
/// the approver"). The ask shows on the approver's dashboard, who confirms (CancelLeaveRequest: the days from tomorrow
/// come back) or declines (DeclineLeaveCancel).
/// </summary>
internal sealed record AskToCancelLeave(Guid RequestId, string Reason) : ICommand;

internal sealed class AskToCancelLeaveValidator : AbstractValidator<AskToCancelLeave>
{
    public AskToCancelLeaveValidator()
    {
        RuleFor(a => a.Reason).NotEmpty().WithMessage("Tell your approver why you want to cancel.")
            .MaximumLength(500).WithMessage("Keep the reason under 500 characters.");
    }
}

internal sealed class AskToCancelLeaveHandler(IDbContextFactory<LeaveDbContext> contexts, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<AskToCancelLeave>
{
    public async ValueTask<Unit> Handle(AskToCancelLeave command, CancellationToken cancellationToken)
    {
        currentUser.EnsureOfficeMember("cancel leave");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var request = await db.Requests.FirstOrDefaultAsync(r => r.Id == command.RequestId, cancellationToken)
            ?? throw new NotFoundException("That leave request no longer exists.");
        request.AskToCancel(currentUser.Id, command.Reason, WallClock.Today(clock, OfficeTime.DefaultTimeZoneId), clock.GetUtcNow());
        LeaveNotices.CancelAskChanged(db, request, "cancel-asked");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("This leave changed a moment ago. Reload and try again.");
        }

        return Unit.Value;
    }
}
