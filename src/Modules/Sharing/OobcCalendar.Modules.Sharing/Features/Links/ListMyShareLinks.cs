using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Sharing.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Sharing.Features.Links;

/// <summary>The links the signed-in user created, newest first.</summary>
internal sealed record ListMyShareLinks : IQuery<IReadOnlyList<ShareLinkSummary>>;

internal sealed class ListMyShareLinksHandler(IDbContextFactory<SharingDbContext> contexts, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<ListMyShareLinks, IReadOnlyList<ShareLinkSummary>>
{
    public async ValueTask<IReadOnlyList<ShareLinkSummary>> Handle(ListMyShareLinks query, CancellationToken cancellationToken)
    {
        currentUser.EnsureOfficeMember("share calendars");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var links = await db.Links.AsNoTracking().Where(l => l.OwnerId == currentUser.Id).OrderByDescending(l => l.CreatedAt).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return links.Select(l => ShareLinkSummary.From(l, now)).ToList();
    }
}
