using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Leave.Domain.Requests;
using OobcCalendar.Modules.Leave.Features.Balances;
using OobcCalendar.Modules.Leave.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave.Features.Requests;

/// <summary>
/// The requester cancels a pending request, or an approved one before it starts (its days come back). Leave that has
/// started is cancelled by the approver (or Admin): the days from tomorrow come back.
/// </summary>
internal sealed record CancelLeaveRequest(Guid RequestId) : ICommand<LeaveCancellation>;

/// <summary>What the cancellation gave back.</summary>
internal sealed record LeaveCancellation(Guid RequestId, decimal DaysRestored);

internal sealed class CancelLeaveRequestHandler(
    IDbContextFactory<LeaveDbContext> contexts,
    ICurrentUser currentUser,
    IUserDirectory directory,
    LeaveApprovers approvers,
    TimeProvider clock) : ICommandHandler<CancelLeaveRequest, LeaveCancellation>
{
    public async ValueTask<LeaveCancellation> Handle(CancelLeaveRequest command, CancellationToken cancellationToken)
    {
        currentUser.EnsureOfficeMember("cancel leave");
        var now = clock.GetUtcNow();
        var today = WallClock.Today(clock, OfficeTime.DefaultTimeZoneId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var request = await db.Requests.FirstOrDefaultAsync(r => r.Id == command.RequestId, cancellationToken)
            ?? throw new NotFoundException("That leave request no longer exists.");
        var isApprover = await approvers.MayDecideAsync(db, request, currentUser.Id, currentUser.IsInRole(Roles.Admin), today, cancellationToken);
        var wasApproved = request.Status == LeaveRequestStatus.Approved;
        request.Cancel(currentUser.Id, isApprover, today, now);

        var freedFrom = request.FirstDay > today ? request.FirstDay : today.AddDays(1);
        var restored = 0m;
        var type = await LeaveContext.TypeAsync(db, request.LeaveTypeId, cancellationToken);
        if (wasApproved && type.Credits is not null)
        {
            var unit = await LeaveContext.UnitOfAsync(directory, request.PersonId, cancellationToken);
            var calendar = await LeaveContext.CalendarAsync(db, unit, freedFrom, request.LastDay, cancellationToken);
            restored = await LedgerBooking.RestoredAsync(db, request, freedFrom, calendar, currentUser.Id, now, cancellationToken);
        }

        LeaveNotices.Cancelled(db, request, type.Type, wasApproved, restored, freedFrom, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("This request changed a moment ago (decided or cancelled by someone else). Reload and try again.");
        }

        return new LeaveCancellation(request.Id, restored);
    }
}
