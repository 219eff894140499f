using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Modules.Resources.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Resources.Features.Resources;

/// <summary>An Admin lifts a blackout.</summary>
internal sealed record RemoveBlackout(Guid BlackoutId) : ICommand;

internal sealed class RemoveBlackoutHandler(IDbContextFactory<ResourcesDbContext> contexts, ICurrentUser currentUser) : ICommandHandler<RemoveBlackout>
{
    public async ValueTask<Unit> Handle(RemoveBlackout command, CancellationToken cancellationToken)
    {
        currentUser.EnsureInRole(Roles.Admin, "manage blackouts");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var removed = await db.Blackouts.Where(b => b.Id == command.BlackoutId).ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
        {
            throw new NotFoundException("That blackout was already removed.");
        }

        await using var notify = await contexts.CreateDbContextAsync(cancellationToken);
        notify.NotifyLive(new LiveUpdate(ResourcesTopics.Resources, command.BlackoutId.ToString(), "blackout"));
        await notify.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
