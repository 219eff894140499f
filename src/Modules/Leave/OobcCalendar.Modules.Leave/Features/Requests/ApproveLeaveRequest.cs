using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Leave.Features.Balances;
using OobcCalendar.Modules.Leave.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Persistence;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave.Features.Requests;

/// <summary>
/// The person's approver (a substitute, or Admin) approves a pending request. With a second level it moves on to Admin
/// and the HR approvers; approved for good, its days are booked as taken. Two approvers at once cannot both win (xmin).
/// The integration event names the actual decider (a substitute or an HR approver as themselves).
/// </summary>
internal sealed record ApproveLeaveRequest(Guid RequestId) : ICommand<LeaveDecision>;

/// <summary>Where the request stands after a decision.</summary>
internal sealed record LeaveDecision(Guid RequestId, string Status, string Stage);

internal sealed class ApproveLeaveRequestHandler(
    IDbContextFactory<LeaveDbContext> contexts,
    ICurrentUser currentUser,
    IUserDirectory directory,
    LeaveApprovers approvers,
    TimeProvider clock) : ICommandHandler<ApproveLeaveRequest, LeaveDecision>
{
    public async ValueTask<LeaveDecision> Handle(ApproveLeaveRequest command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = WallClock.Today(clock, OfficeTime.DefaultTimeZoneId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var request = await LeaveDecisions.LoadForDecisionAsync(db, approvers, directory, currentUser, command.RequestId, today, cancellationToken);
        var type = await LeaveContext.TypeAsync(db, request.LeaveTypeId, cancellationToken);
        var isAdmin = currentUser.IsInRole(Roles.Admin);
        var isHrApprover = !isAdmin && request.Stage == Domain.Requests.ApprovalStage.SecondLevel && await approvers.IsHrApproverAsync(db, currentUser.Id, cancellationToken);
        if (request.Approve(currentUser.Id, isAdmin, isHrApprover, now))
        {
            if (type.Credits is { } credits)
            {
                var unit = await LeaveContext.UnitOfAsync(directory, request.PersonId, cancellationToken);
                var calendar = await LeaveContext.CalendarAsync(db, unit, request.FirstDay, request.LastDay, cancellationToken);
                await LedgerBooking.TakenAsync(db, request, credits.Id, calendar, now, cancellationToken);
            }

            LeaveNotices.Approved(db, request, type.Type, now);
        }
        else
        {
            LeaveNotices.PassedToSecondLevel(db, request);
        }

        await LeaveDecisions.SaveAsync(db, cancellationToken);
        return new LeaveDecision(request.Id, request.Status.ToString(), request.Stage.ToString());
    }
}

/// <summary>The checks and the save every decision shares.</summary>
internal static class LeaveDecisions
{
    public static async Task<Domain.Requests.LeaveRequest> LoadForDecisionAsync(
        LeaveDbContext db, LeaveApprovers approvers, IUserDirectory directory, ICurrentUser user, Guid requestId, DateOnly today, CancellationToken cancellationToken)
    {
        user.EnsureOfficeMember("decide leave");
        var request = await db.Requests.FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken)
            ?? throw new NotFoundException("That leave request no longer exists.");
        if (request.PersonId == user.Id)
        {
            throw new ForbiddenException("Nobody approves or rejects their own leave.");
        }

        if (!await approvers.MayDecideAsync(db, request, user.Id, user.IsInRole(Roles.Admin), today, cancellationToken))
        {
            var person = await directory.FindAsync(request.PersonId, cancellationToken);
            throw new ForbiddenException($"You do not approve {person?.DisplayName ?? "this person"}'s leave.");
        }

        return request;
    }

    public static async Task SaveAsync(LeaveDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateConcurrencyException || PostgresErrors.IsUniqueViolation(ex))
        {
            throw new ConflictException("Another approver decided this request a moment ago; your decision was not applied.");
        }
    }
}
