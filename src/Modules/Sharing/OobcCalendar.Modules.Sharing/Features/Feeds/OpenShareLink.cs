using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Sharing.Domain;
using OobcCalendar.Modules.Sharing.Features.Pins;
using OobcCalendar.Modules.Sharing.Persistence;

namespace OobcCalendar.Modules.Sharing.Features.Feeds;

/// <summary>
/// A visitor (signed in or not) presents a token and maybe a PIN. Answers what the link shares, counting the view when
/// <see cref="CountView"/>; throws <see cref="ShareUnavailableException"/> alike for every token that does not open.
/// </summary>
internal sealed record OpenShareLink(string Token, string? Pin, bool CountView = true) : IQuery<ShareAccess>;

internal sealed class OpenShareLinkHandler(IDbContextFactory<SharingDbContext> contexts, TimeProvider clock, SharePinAttempts pinAttempts) : IQueryHandler<OpenShareLink, ShareAccess>
{
    public async ValueTask<ShareAccess> Handle(OpenShareLink query, CancellationToken cancellationToken)
    {
        if (!ShareToken.LooksValid(query.Token))
        {
            throw new ShareUnavailableException();
        }

        var hash = ShareToken.Hash(query.Token);
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var link = await db.Links.AsNoTracking().FirstOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
        if (link is null || !link.IsOpen(now))
        {
            throw new ShareUnavailableException();
        }

        if (link.HasPin && pinAttempts.LockedFor(link.Id) is { } wait)
        {
            throw new SharePinLockedException(wait);
        }

        if (!link.PinMatches(query.Pin))
        {
            // Only a PIN tried counts: opening the link before typing one is not a guess.
            if (!string.IsNullOrEmpty(query.Pin))
            {
                pinAttempts.RecordWrong(link.Id);
            }

            throw new SharePinRequiredException(link.AllowEmbed);
        }

        if (query.CountView)
        {
            // One atomic statement: pollers hit a link concurrently and every view counts.
            await db.Links.Where(l => l.Id == link.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.ViewCount, l => l.ViewCount + 1).SetProperty(l => l.LastViewedAt, now), cancellationToken);
        }

        return ShareAccess.From(link);
    }
}
