using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Attendance.Features.EventsReadModel;
using OobcCalendar.Modules.Attendance.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Attendance.Features.Lists;

/// <summary>
/// The open lists whose occurrence ends after now and starts within a day: every one for a desk or Admin, the user's
/// own events for an organizer. The desk's starting point.
/// </summary>
internal sealed record ListOpenLists : IQuery<IReadOnlyList<OpenListItem>>;

internal sealed record OpenListItem(Guid ListId, string Title, string? Location, DateTimeOffset StartUtc, DateTimeOffset EndUtc, string TimeZoneId);

internal sealed class ListOpenListsHandler(IDbContextFactory<AttendanceDbContext> contexts, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<ListOpenLists, IReadOnlyList<OpenListItem>>
{
    private static readonly TimeSpan Ahead = TimeSpan.FromDays(1);

    public async ValueTask<IReadOnlyList<OpenListItem>> Handle(ListOpenLists query, CancellationToken cancellationToken)
    {
        if (!user.IsAuthenticated)
        {
            return [];
        }

        var now = clock.GetUtcNow();
        var everyone = user.IsInRole(Roles.CheckInDesk) || user.IsInRole(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var candidates = await db.Lists.AsNoTracking().Where(l => l.ClosedAt == null)
            .Join(db.KnownEvents, l => l.EventId, e => e.EventId, (l, e) => new { l.Id, l.EventId, l.OccurrenceStartUtc, e.OrganizerId })
            .Where(x => everyone || x.OrganizerId == user.Id)
            .ToListAsync(cancellationToken);
        var items = new List<OpenListItem>();
        foreach (var candidate in candidates)
        {
            var o = await EventOccurrences.FindAsync(db, candidate.EventId, candidate.OccurrenceStartUtc, cancellationToken);
            if (o is not null && o.EndUtc > now && o.StartUtc < now + Ahead)
            {
                items.Add(new OpenListItem(candidate.Id, o.Title, o.Location, o.StartUtc, o.EndUtc, o.TimeZoneId));
            }
        }

        return [.. items.OrderBy(i => i.StartUtc)];
    }
}
