using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Sharing.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Sharing.Features.Links;

/// <summary>Every link in the office, for an Admin to review (newest first).</summary>
internal sealed record ListAllShareLinks : IQuery<IReadOnlyList<ShareLinkSummary>>;

internal sealed class ListAllShareLinksHandler(IDbContextFactory<SharingDbContext> contexts, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<ListAllShareLinks, IReadOnlyList<ShareLinkSummary>>
{
    public async ValueTask<IReadOnlyList<ShareLinkSummary>> Handle(ListAllShareLinks query, CancellationToken cancellationToken)
    {
        currentUser.EnsureInRole(Roles.Admin, "review every share link");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var links = await db.Links.AsNoTracking().OrderByDescending(l => l.CreatedAt).Take(1000).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return links.Select(l => ShareLinkSummary.From(l, now)).ToList();
    }
}
