using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Modules.Resources.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Resources.Features.Resources;

/// <summary>Answers which resources the signed-in user manages, by the same rule that lets them decide requests.</summary>
internal sealed class ListManagedResourcesHandler(IDbContextFactory<ResourcesDbContext> contexts, ICurrentUser currentUser)
    : IQueryHandler<ListManagedResources, IReadOnlyList<ManagedResource>>
{
    public async ValueTask<IReadOnlyList<ManagedResource>> Handle(ListManagedResources query, CancellationToken cancellationToken)
    {
        var isAdmin = currentUser.IsInRole(Roles.Admin);
        var isManager = currentUser.IsInRole(Roles.Manager);
        if (!currentUser.IsAuthenticated || (!isAdmin && !isManager))
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var resources = await db.Resources.AsNoTracking().Where(r => r.IsActive).OrderBy(r => r.Name).ToListAsync(cancellationToken);
        return resources.Where(r => r.CanBeApprovedBy(currentUser.Id, isManager, isAdmin))
            .Select(r => new ManagedResource(r.Id, r.Name, r.Kind.ToString()))
            .ToList();
    }
}
