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

    /// <summary>Loads users with their unit names and roles in three queries, whatever their number.</summary>
    internal static async Task<IReadOnlyList<DirectoryUser>> ProjectAsync(IdentityStoreDbContext db, IQueryable<ApplicationUser> query, CancellationToken cancellationToken)
    {
        var users = await query.AsNoTracking().ToListAsync(cancellationToken);
        var ids = users.Select(u => u.Id).ToList();
        var units = await db.OrganisationUnits.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var rolesByUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        return users.Select(u => new DirectoryUser(
            u.Id,
            u.DisplayName,
            u.Email ?? string.Empty,
            u.OrganisationUnitId,
            u.OrganisationUnitId is { } unit ? units.GetValueOrDefault(unit) : null,
            u.ManagerId,
            u.TimeZoneId,
            rolesByUser[u.Id].OrderBy(r => r, StringComparer.Ordinal).ToList(),
            u.IsActive)).ToList();
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
