using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Sharing.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Sharing.Features.Links;

/// <summary>The owner (or an Admin) pauses or resumes a link; a paused link answers as an unknown one.</summary>
internal sealed record SetShareLinkActive(Guid LinkId, bool IsActive) : ICommand;

internal sealed class SetShareLinkActiveHandler(IDbContextFactory<SharingDbContext> contexts, ICurrentUser currentUser) : ICommandHandler<SetShareLinkActive>
{
    public async ValueTask<Unit> Handle(SetShareLinkActive command, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var link = await OwnedLinks.FindForChangeAsync(db, currentUser, command.LinkId, cancellationToken);
        link.SetActive(command.IsActive);
        OwnedLinks.Notify(db, link, command.IsActive ? "resumed" : "paused");
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
