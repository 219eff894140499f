using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Attendance.Features.CheckIns;
using OobcCalendar.Modules.Attendance.Features.Lists;
using OobcCalendar.Modules.Attendance.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Attendance.Features.Tickets;

/// <summary>
/// A ticket for one expected person, as PNG: for the person themselves, a desk, the organizer or Admin. Each call issues
/// a new token (only hashes are stored); the person's earlier tickets stay valid.
/// </summary>
internal sealed record IssueTicket(Guid ListId, Guid PersonId) : ICommand<IssuedTicket>;

/// <summary>A ticket's token, its QR as PNG, and whose it is.</summary>
internal sealed record IssuedTicket(Guid PersonId, string Name, string Token, byte[] QrPng);

internal sealed class IssueTicketHandler(IDbContextFactory<AttendanceDbContext> contexts, ICurrentUser user, IUserDirectory directory, TimeProvider clock)
    : ICommandHandler<IssueTicket, IssuedTicket>
{
    public async ValueTask<IssuedTicket> Handle(IssueTicket command, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var context = await ListAccess.LoadAsync(db, command.ListId, cancellationToken);
        if (!(user.IsAuthenticated && user.Id == command.PersonId) && !ListAccess.MayRunDesk(user, context.Occurrence))
        {
            throw new ForbiddenException("Only the person, a check-in desk, the organizer or an admin can get this ticket.");
        }

        if (!context.IsExpected(command.PersonId))
        {
            throw new BusinessRuleException("Tickets are for the people invited to the event.");
        }

        var token = TicketIssuer.Issue(db, context.List, command.PersonId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        var name = await CheckInRecorder.NameOfAsync(directory, command.PersonId, cancellationToken);
        return new IssuedTicket(command.PersonId, name, token, TicketIssuer.QrPng(token));
    }
}
