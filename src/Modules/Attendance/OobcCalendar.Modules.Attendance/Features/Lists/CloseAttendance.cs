using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Attendance.Contracts;
using OobcCalendar.Modules.Attendance.Persistence;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Attendance.Features.Lists;

/// <summary>The organizer (or Admin) closes attendance: no more check-ins; the counts go out with <see cref="AttendanceClosedIntegrationEvent"/>.</summary>
internal sealed record CloseAttendance(Guid ListId) : ICommand;

internal sealed class CloseAttendanceHandler(IDbContextFactory<AttendanceDbContext> contexts, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CloseAttendance>
{
    public async ValueTask<Unit> Handle(CloseAttendance command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var context = await ListAccess.LoadAsync(db, command.ListId, cancellationToken);
        ListAccess.EnsureOrganizerOrAdmin(user, context.Occurrence);
        if (context.List.IsClosed)
        {
            return Unit.Value;
        }

        var counts = await AttendanceCounts.OfAsync(db, context, cancellationToken);
        context.List.Close(now);
        var list = context.List;
        db.Publish(new AttendanceClosedIntegrationEvent(
            list.Id, list.EventId, list.OccurrenceStartUtc, counts.Expected, counts.ExpectedCheckedIn, counts.OthersCheckedIn, counts.WalkIns, now)
        { OccurredAt = now });
        db.NotifyLive(new LiveUpdate(AttendanceTopics.Lists, list.Id.ToString(), "closed"));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
