using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Attendance.Features.Lists;
using OobcCalendar.Modules.Attendance.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Attendance.Features.Tickets;

/// <summary>Tickets for every expected person, for the printable A4 sheet; a desk, the organizer or Admin.</summary>
internal sealed record IssueAllTickets(Guid ListId) : ICommand<TicketSheet>;

/// <summary>The sheet: the occurrence's title and time, and one ticket per expected person, by name.</summary>
internal sealed record TicketSheet(string Title, DateTimeOffset StartUtc, DateTimeOffset EndUtc, string TimeZoneId, IReadOnlyList<IssuedTicket> Tickets);

internal sealed class IssueAllTicketsHandler(IDbContextFactory<AttendanceDbContext> contexts, ICurrentUser user, IUserDirectory directory, TimeProvider clock)
    : ICommandHandler<IssueAllTickets, TicketSheet>
{
    public async ValueTask<TicketSheet> Handle(IssueAllTickets command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var context = await ListAccess.LoadAsync(db, command.ListId, cancellationToken);
        ListAccess.EnsureMayRunDesk(user, context.Occurrence);
        var people = await directory.GetManyAsync([.. context.Occurrence.Expected], cancellationToken);
        var tokens = people.OrderBy(p => p.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .Select(p => (Person: p, Token: TicketIssuer.Issue(db, context.List, p.Id, now))).ToList();
        await db.SaveChangesAsync(cancellationToken);
        var o = context.Occurrence;
        return new TicketSheet(o.Title, o.StartUtc, o.EndUtc, o.TimeZoneId, [.. tokens.Select(t => new IssuedTicket(t.Person.Id, t.Person.DisplayName, t.Token, TicketIssuer.QrPng(t.Token, 6)))]);
    }
}
