using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Modules.Resources.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Resources.Features.Resources;

/// <summary>An Admin deactivates (no new bookings) or reactivates a resource.</summary>
internal sealed record SetResourceActive(Guid ResourceId, bool IsActive) : ICommand;

internal sealed class SetResourceActiveHandler(IDbContextFactory<ResourcesDbContext> contexts, ICurrentUser currentUser) : ICommandHandler<SetResourceActive>
{
    public async ValueTask<Unit> Handle(SetResourceActive command, CancellationToken cancellationToken)
    {
        currentUser.EnsureInRole(Roles.Admin, "manage resources");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var resource = await db.Resources.FirstOrDefaultAsync(r => r.Id == command.ResourceId, cancellationToken) ?? throw new NotFoundException("That resource no longer exists.");
        resource.SetActive(command.IsActive);
        db.NotifyLive(new LiveUpdate(ResourcesTopics.Resources, resource.Id.ToString(), command.IsActive ? "activated" : "deactivated"));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
