using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Leave.Persistence;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave.Features.Requests;

/// <summary>The person's approver (or Admin) turns a pending request down, with a reason for the requester.</summary>
internal sealed record RejectLeaveRequest(Guid RequestId, string Reason) : ICommand<LeaveDecision>;

internal sealed class RejectLeaveRequestValidator : AbstractValidator<RejectLeaveRequest>
{
    public RejectLeaveRequestValidator()
    {
        RuleFor(r => r.Reason).NotEmpty().WithMessage("Give the requester a reason for the rejection.")
            .MaximumLength(500).WithMessage("Keep the reason under 500 characters.");
    }
}

internal sealed class RejectLeaveRequestHandler(
    IDbContextFactory<LeaveDbContext> contexts,
    ICurrentUser currentUser,
    IUserDirectory directory,
    LeaveApprovers approvers,
    TimeProvider clock) : ICommandHandler<RejectLeaveRequest, LeaveDecision>
{
    public async ValueTask<LeaveDecision> Handle(RejectLeaveRequest command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = WallClock.Today(clock, OfficeTime.DefaultTimeZoneId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var request = await LeaveDecisions.LoadForDecisionAsync(db, approvers, directory, currentUser, command.RequestId, today, cancellationToken);
        var type = await LeaveContext.TypeAsync(db, request.LeaveTypeId, cancellationToken);
        request.Reject(currentUser.Id, command.Reason, now);
        LeaveNotices.Rejected(db, request, type.Type, now);
        await LeaveDecisions.SaveAsync(db, cancellationToken);
        return new LeaveDecision(request.Id, request.Status.ToString(), request.Stage.ToString());
    }
}
