using Microsoft.EntityFrameworkCore;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Host.Identity;

/// <summary>Answers directory questions from the identity store, one short-lived context per call.</summary>
internal sealed class UserDirectory(IDbContextFactory<IdentityStoreDbContext> contexts) : IUserDirectory
{
    public async Task<DirectoryUser?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        (await GetManyAsync([id], cancellationToken)).FirstOrDefault();

    public async Task<IReadOnlyList<DirectoryUser>> GetManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ProjectAsync(db, db.Users.Where(u => ids.Contains(u.Id)), cancellationToken);
    }

    public async Task<IReadOnlyList<DirectoryUser>> SearchAsync(string text, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pattern = $"%{EscapeLike(text.Trim())}%";
        var query = db.Users.Where(u => u.IsActive
            && (EF.Functions.ILike(u.DisplayName, pattern, "\\") || EF.Functions.ILike(u.Email!, pattern, "\\")));
        var users = await ProjectAsync(db, query.OrderBy(u => u.DisplayName).Take(take), cancellationToken);
        var trimmed = text.Trim();
        return users.OrderByDescending(u => u.DisplayName.StartsWith(trimmed, StringComparison.OrdinalIgnoreCase)).ToList();
    }

    public async Task<IReadOnlyList<DirectoryUser>> InRoleAsync(string role, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var normalized = role.ToUpperInvariant();
        var query = from u in db.Users
                    join ur in db.UserRoles on u.Id equals ur.UserId
                    join r in db.Roles on ur.RoleId equals r.Id
                    where r.NormalizedName == normalized && u.IsActive
                    select u;
        return await ProjectAsync(db, query.OrderBy(u => u.DisplayName), cancellationToken);
    }

    public async Task<IReadOnlyList<DirectoryUser>> ListActiveAsync(Guid? after, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Users.Where(u => u.IsActive);
        if (after is { } last)
        {
            query = query.Where(u => u.Id.CompareTo(last) > 0);
        }

        // PostgreSQL's uuid order (not .NET's): the caller passes the last id of this page back as the cursor.
        return await ProjectAsync(db, query.OrderBy(u => u.Id).Take(take), cancellationToken);
    }

    /// <summary>
    /// Loads users with their unit names and roles in one statement, whatever their number: a left join to the unit
    /// and to the user's roles (a person has one or two), rather than reading every unit and then the roles apart.
    /// Leave and Resources call the directory several times a request, so each call is one round trip.
    /// </summary>
    internal static async Task<IReadOnlyList<DirectoryUser>> ProjectAsync(IdentityStoreDbContext db, IQueryable<ApplicationUser> query, CancellationToken cancellationToken)
    {
        var users = await query.AsNoTracking()
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                u.Email,
                u.OrganisationUnitId,
                UnitName = db.OrganisationUnits.Where(o => o.Id == u.OrganisationUnitId).Select(o => o.Name).FirstOrDefault(),
                u.ManagerId,
                u.TimeZoneId,
                u.IsActive,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
            })
            .AsSingleQuery()
            .ToListAsync(cancellationToken);
        return users.Select(u => new DirectoryUser(
            u.Id,
            u.DisplayName,
            u.Email ?? string.Empty,
            u.OrganisationUnitId,
            u.UnitName,
            u.ManagerId,
            u.TimeZoneId,
            u.Roles.Order(StringComparer.Ordinal).ToList(),
            u.IsActive)).ToList();
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
