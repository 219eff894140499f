using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Resources.Persistence;

namespace OobcCalendar.Modules.Resources.Features.Resources;

/// <summary>A blackout as lists show it.</summary>
internal sealed record BlackoutItem(Guid Id, Guid? ResourceId, string? ResourceName, DateTimeOffset Start, DateTimeOffset End, string Reason);

/// <summary>Blackouts that have not ended, soonest first.</summary>
internal sealed record ListBlackouts : IQuery<IReadOnlyList<BlackoutItem>>;

internal sealed class ListBlackoutsHandler(IDbContextFactory<ResourcesDbContext> contexts, TimeProvider clock) : IQueryHandler<ListBlackouts, IReadOnlyList<BlackoutItem>>
{
    public async ValueTask<IReadOnlyList<BlackoutItem>> Handle(ListBlackouts query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await (from b in db.Blackouts.AsNoTracking()
                      where b.End > now
                      join r in db.Resources on b.ResourceId equals r.Id into rs
                      from r in rs.DefaultIfEmpty()
                      orderby b.Start
                      select new BlackoutItem(b.Id, b.ResourceId, r != null ? r.Name : null, b.Start, b.End, b.Reason)).ToListAsync(cancellationToken);
    }
}
