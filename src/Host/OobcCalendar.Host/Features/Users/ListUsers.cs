using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Host.Identity;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Host.Features.Users;

/// <summary>Everyone in the directory (Admins see inactive users too), optionally filtered by text and unit.</summary>
public sealed record ListUsers(string? Search, Guid? OrganisationUnitId, bool IncludeInactive) : IQuery<IReadOnlyList<DirectoryUser>>;

internal sealed class ListUsersHandler(IDbContextFactory<IdentityStoreDbContext> contexts) : IQueryHandler<ListUsers, IReadOnlyList<DirectoryUser>>
{
    public async ValueTask<IReadOnlyList<DirectoryUser>> Handle(ListUsers query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var users = db.Users.AsQueryable();
        if (!query.IncludeInactive)
        {
            users = users.Where(u => u.IsActive);
        }

        if (query.OrganisationUnitId is { } unit)
        {
            users = users.Where(u => u.OrganisationUnitId == unit);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = $"%{query.Search.Trim()}%";
            users = users.Where(u => EF.Functions.ILike(u.DisplayName, pattern) || EF.Functions.ILike(u.Email!, pattern));
        }

        return await UserDirectory.ProjectAsync(db, users.OrderBy(u => u.DisplayName).Take(500), cancellationToken);
    }
}

/// <summary>The organisation units, by name.</summary>
public sealed record ListOrganisationUnits : IQuery<IReadOnlyList<OrganisationUnitItem>>;

/// <summary>An organisation unit as lists show it.</summary>
public sealed record OrganisationUnitItem(Guid Id, string Name);

internal sealed class ListOrganisationUnitsHandler(IDbContextFactory<IdentityStoreDbContext> contexts) : IQueryHandler<ListOrganisationUnits, IReadOnlyList<OrganisationUnitItem>>
{
    public async ValueTask<IReadOnlyList<OrganisationUnitItem>> Handle(ListOrganisationUnits query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.OrganisationUnits.OrderBy(o => o.Name).Select(o => new OrganisationUnitItem(o.Id, o.Name)).ToListAsync(cancellationToken);
    }
}

/// <summary>Live-update topics of the user directory.</summary>
public static class UserTopics
{
    public const string Directory = "identity.users";
}
