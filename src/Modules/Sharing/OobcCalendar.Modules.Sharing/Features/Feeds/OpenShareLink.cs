using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Sharing.Domain;
using OobcCalendar.Modules.Sharing.Features.Pins;
using OobcCalendar.Modules.Sharing.Persistence;

namespace OobcCalendar.Modules.Sharing.Features.Feeds;

/// <summary>
/// A visitor (signed in or not) presents a token and maybe a PIN. Answers what the link shares, counting the view when
/// <see cref="CountView"/>; throws <see cref="ShareUnavailableException"/> alike for every token that does not open.
/// <see cref="MayUseCache"/> lets an open link polled again answer from memory (<see cref="ShareLinkCache"/>, ADR 0033):
/// the feed endpoint does, so a 304 costs no query, and a change to the link reaches it when its notice is heard
/// (milliseconds). Without it (the public page, which re-reads on that very notice) the database is asked every time.
/// </summary>
internal sealed record OpenShareLink(string Token, string? Pin, bool CountView = true, bool MayUseCache = false) : IQuery<ShareAccess>;

internal sealed class OpenShareLinkHandler(
    IDbContextFactory<SharingDbContext> contexts, ShareLinkCache cache, ShareViewCounter views, TimeProvider clock, SharePinAttempts pinAttempts)
    : IQueryHandler<OpenShareLink, ShareAccess>
{
    public async ValueTask<ShareAccess> Handle(OpenShareLink query, CancellationToken cancellationToken)
    {
        if (!ShareToken.LooksValid(query.Token))
        {
            throw new ShareUnavailableException();
        }

        var hash = ShareToken.Hash(query.Token);
        var now = clock.GetUtcNow();
        // An open link polled again answers from memory; any other token (unknown, revoked, paused, expired) reads the
        // database, so they all take the same path and the same time (ADR 0033).
        var cached = query.MayUseCache ? cache.Find(hash, now) : null;
        var link = cached?.Link;
        if (link is null)
        {
            var version = cache.Version;
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            link = await db.Links.AsNoTracking().FirstOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
            if (link is null || !link.IsOpen(now))
            {
                throw new ShareUnavailableException();
            }

            cached = query.MayUseCache ? cache.Keep(hash, link, version, now) : null;
        }

        // A PIN this poller already gave (remembered with the cached link) is not asked again; any other try counts
        // towards the lockout, so guessing is bounded even on the cached path.
        if (link.HasPin && cached?.PinAlreadyChecked(query.Pin) != true)
        {
            if (pinAttempts.LockedFor(link.Id) is { } wait)
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

            cached?.PinChecked(query.Pin);
        }

        if (query.CountView)
        {
            views.Count(link.Id, now);
        }

        return ShareAccess.From(link);
    }
}
