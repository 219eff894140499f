using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Attendance.Contracts;
using OobcCalendar.Modules.Attendance.Domain;
using OobcCalendar.Modules.Attendance.Features.Lists;
using OobcCalendar.Modules.Attendance.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Attendance.Features.CheckIns;

/// <summary>
/// A desk takes back a check-in (the wrong name was tapped). The check-in is removed, so the person can be checked in
/// again, and the undo is recorded (who, when, the check-in as it was).
/// </summary>
internal sealed record UndoCheckIn(Guid CheckInId) : ICommand;

internal sealed class UndoCheckInHandler(IDbContextFactory<AttendanceDbContext> contexts, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<UndoCheckIn>
{
    public async ValueTask<Unit> Handle(UndoCheckIn command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var checkIn = await db.CheckIns.FirstOrDefaultAsync(c => c.Id == command.CheckInId, cancellationToken)
            ?? throw new NotFoundException("That check-in was already undone.");
        var context = await ListAccess.LoadAsync(db, checkIn.ListId, cancellationToken);
        ListAccess.EnsureMayRunDesk(user, context.Occurrence);
        if (context.List.IsClosed)
        {
            throw new BusinessRuleException("Attendance for this event is closed; its check-ins can no longer be undone.");
        }

        db.CheckIns.Remove(checkIn);
        db.CheckInUndos.Add(new CheckInUndo(checkIn, user.Id, now));
        var list = context.List;
        db.Publish(new CheckInUndoneIntegrationEvent(list.Id, list.EventId, list.OccurrenceStartUtc, checkIn.Id, checkIn.PersonId, checkIn.WalkInId, user.Id, now) { OccurredAt = now });
        db.NotifyLive(new LiveUpdate(AttendanceTopics.Lists, list.Id.ToString(), "undone"));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new NotFoundException("That check-in was already undone.");
        }

        return Unit.Value;
    }
}
