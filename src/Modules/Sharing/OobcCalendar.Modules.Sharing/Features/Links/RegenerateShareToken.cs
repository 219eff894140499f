using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Sharing.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Sharing.Features.Links;

/// <summary>The owner (or an Admin) replaces a link's secret: the old address stops at once; the new one is shown once.</summary>
internal sealed record RegenerateShareToken(Guid LinkId) : ICommand<string>;

internal sealed class RegenerateShareTokenHandler(IDbContextFactory<SharingDbContext> contexts, ICurrentUser currentUser) : ICommandHandler<RegenerateShareToken, string>
{
    public async ValueTask<string> Handle(RegenerateShareToken command, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var link = await OwnedLinks.FindForChangeAsync(db, currentUser, command.LinkId, cancellationToken);
        var token = link.Regenerate();
        OwnedLinks.Notify(db, link, "regenerated");
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }
}
