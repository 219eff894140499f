using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Attendance.Features.Lists;
using OobcCalendar.Modules.Attendance.Persistence;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Attendance.Features.Offline;

/// <summary>
/// What an offline scanner caches for one list (ADR 0030): the occurrence, who is expected with their unit, the SHA-256
/// of every ticket issued to them (hex, as <c>crypto.subtle.digest</c> gives it; the tokens themselves are not stored,
/// ADR 0025) and who had arrived when it was fetched. For a desk, the organizer or Admin only.
/// </summary>
internal sealed record GetOfflineList(Guid ListId) : IQuery<OfflineList>;

internal sealed record OfflineList(
    Guid ListId,
    string Title,
    string When,
    string? Location,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc,
    DateTimeOffset OpensAtUtc,
    string TimeZoneId,
    bool Closed,
    DateTimeOffset FetchedAtUtc,
    IReadOnlyList<OfflinePerson> People);

/// <summary>One expected person: <paramref name="TicketHashes"/> are lowercase hex SHA-256 of their ticket tokens.</summary>
internal sealed record OfflinePerson(Guid PersonId, string Name, string? Unit, IReadOnlyList<string> TicketHashes, DateTimeOffset? CheckedInAt, string? Desk);

internal sealed class GetOfflineListHandler(IDbContextFactory<AttendanceDbContext> contexts, ICurrentUser user, IUserDirectory directory, TimeProvider clock)
    : IQueryHandler<GetOfflineList, OfflineList>
{
    public async ValueTask<OfflineList> Handle(GetOfflineList query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var context = await ListAccess.LoadAsync(db, query.ListId, cancellationToken);
        ListAccess.EnsureMayRunDesk(user, context.Occurrence);
        var expected = context.Occurrence.Expected;
        var tickets = (await db.Tickets.AsNoTracking().Where(t => t.ListId == query.ListId)
                .Select(t => new { t.PersonId, t.TokenHash }).ToListAsync(cancellationToken))
            .ToLookup(t => t.PersonId, t => Convert.ToHexStringLower(t.TokenHash));
        var checkIns = await db.CheckIns.AsNoTracking().Where(c => c.ListId == query.ListId && c.PersonId != null)
            .ToDictionaryAsync(c => c.PersonId!.Value, cancellationToken);
        var people = (await directory.GetManyAsync(expected, cancellationToken)).ToDictionary(p => p.Id);

        var o = context.Occurrence;
        var zone = OfficeTime.Zone(o.TimeZoneId);
        var list = expected.Select(id =>
        {
            var person = people.GetValueOrDefault(id);
            var checkIn = checkIns.GetValueOrDefault(id);
            return new OfflinePerson(id, person?.DisplayName ?? "Unknown person", person?.OrganisationUnitName, [.. tickets[id]], checkIn?.CheckedInAt, checkIn?.Desk);
        }).OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        return new OfflineList(
            context.List.Id, o.Title, TimeText.Range(o.StartUtc, o.EndUtc, zone), o.Location, o.StartUtc, o.EndUtc,
            context.List.OpensAt(o.StartUtc), o.TimeZoneId, context.List.IsClosed, clock.GetUtcNow(), list);
    }
}
