using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Attendance.Domain;
using OobcCalendar.Modules.Attendance.Features.Lists;
using OobcCalendar.Modules.Attendance.Persistence;
using OobcCalendar.Shared.Errors;

namespace OobcCalendar.Modules.Attendance.Features.Door;

/// <summary>The door display's current code and when it changes; for a desk, the organizer or Admin.</summary>
internal sealed record GetDoorCode(Guid ListId) : IQuery<DoorCode>;

/// <summary>The code the door QR shows, its title, and when the next one replaces it.</summary>
internal sealed record DoorCode(Guid ListId, string Code, string EventTitle, DateTimeOffset NextChangeAt, bool SelfCheckInAllowed);

internal sealed class GetDoorCodeHandler(IDbContextFactory<AttendanceDbContext> contexts, Shared.Users.ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetDoorCode, DoorCode>
{
    public async ValueTask<DoorCode> Handle(GetDoorCode query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var context = await ListAccess.LoadAsync(db, query.ListId, cancellationToken);
        ListAccess.EnsureMayRunDesk(user, context.Occurrence);
        if (context.List.IsClosed)
        {
            throw new BusinessRuleException("Attendance for this event is closed.");
        }

        return new DoorCode(context.List.Id, DoorCodes.Current(context.List, now), context.Occurrence.Title, DoorCodes.NextChangeAt(now), context.List.Settings.SelfCheckInAllowed);
    }
}
