using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Sharing.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Sharing.Features.Links;

/// <summary>The owner (or an Admin) ends a link for good; it cannot be resumed or regenerated.</summary>
internal sealed record RevokeShareLink(Guid LinkId) : ICommand;

internal sealed class RevokeShareLinkHandler(IDbContextFactory<SharingDbContext> contexts, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<RevokeShareLink>
{
    public async ValueTask<Unit> Handle(RevokeShareLink command, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var link = await OwnedLinks.FindForChangeAsync(db, currentUser, command.LinkId, cancellationToken);
        link.Revoke(clock.GetUtcNow());
        OwnedLinks.Notify(db, link, "revoked");
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
