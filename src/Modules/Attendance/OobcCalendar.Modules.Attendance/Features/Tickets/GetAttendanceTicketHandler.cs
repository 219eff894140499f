using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Attendance.Contracts;
using OobcCalendar.Modules.Attendance.Features.EventsReadModel;
using OobcCalendar.Modules.Attendance.Features.Lists;
using OobcCalendar.Modules.Attendance.Persistence;

namespace OobcCalendar.Modules.Attendance.Features.Tickets;

/// <summary>Answers <see cref="GetAttendanceTicket"/> for other modules (Notifications): a new ticket, or null.</summary>
internal sealed class GetAttendanceTicketHandler(IDbContextFactory<AttendanceDbContext> contexts, TimeProvider clock)
    : IQueryHandler<GetAttendanceTicket, AttendanceTicket?>
{
    public async ValueTask<AttendanceTicket?> Handle(GetAttendanceTicket query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var occurrence = await EventOccurrences.FindAsync(db, query.EventId, query.OccurrenceStartUtc, cancellationToken);
        if (occurrence is null || !occurrence.Expected.Contains(query.PersonId))
        {
            return null;
        }

        var list = await AttendanceLists.FindAsync(db, occurrence, cancellationToken);
        if (list is null || list.IsClosed)
        {
            return null;
        }

        var token = TicketIssuer.Issue(db, list, query.PersonId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new AttendanceTicket(list.Id, query.PersonId, token, TicketIssuer.QrPng(token), occurrence.Title, occurrence.StartUtc, occurrence.EndUtc);
    }
}
