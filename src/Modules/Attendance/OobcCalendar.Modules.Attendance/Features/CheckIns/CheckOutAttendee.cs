using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Attendance.Contracts;
using OobcCalendar.Modules.Attendance.Features.Lists;
using OobcCalendar.Modules.Attendance.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Attendance.Features.CheckIns;

/// <summary>A desk records that a checked-in person left, when the list records check-outs. A second check-out keeps the first time.</summary>
internal sealed record CheckOutAttendee(Guid CheckInId) : ICommand<DateTimeOffset>;

internal sealed class CheckOutAttendeeHandler(IDbContextFactory<AttendanceDbContext> contexts, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CheckOutAttendee, DateTimeOffset>
{
    public async ValueTask<DateTimeOffset> Handle(CheckOutAttendee command, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var checkIn = await db.CheckIns.FirstOrDefaultAsync(c => c.Id == command.CheckInId, cancellationToken)
            ?? throw new NotFoundException("That person is not checked in.");
        var context = await ListAccess.LoadAsync(db, checkIn.ListId, cancellationToken);
        ListAccess.EnsureMayRunDesk(user, context.Occurrence);
        if (!context.List.Settings.CheckOutRecorded)
        {
            throw new BusinessRuleException("This event does not record check-outs.");
        }

        checkIn.CheckOut(clock.GetUtcNow());
        db.NotifyLive(new LiveUpdate(AttendanceTopics.Lists, context.List.Id.ToString(), "checked-out"));
        await db.SaveChangesAsync(cancellationToken);
        return checkIn.CheckedOutAt!.Value;
    }
}
