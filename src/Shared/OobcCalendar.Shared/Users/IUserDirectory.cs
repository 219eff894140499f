namespace OobcCalendar.Shared.Users;

/// <summary>A person in the office directory, as modules see them.</summary>
public sealed record DirectoryUser(
    Guid Id,
    string DisplayName,
    string Email,
    Guid? OrganisationUnitId,
    string? OrganisationUnitName,
    Guid? ManagerId,
    string TimeZoneId,
    IReadOnlyList<string> Roles,
    bool IsActive);

/// <summary>Read access to the user directory (owned by the host's identity store).</summary>
public interface IUserDirectory
{
    /// <summary>One user, or null.</summary>
    Task<DirectoryUser?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The users with these ids that exist.</summary>
    Task<IReadOnlyList<DirectoryUser>> GetManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>Active users whose name or email contains <paramref name="text"/>, best matches first.</summary>
    Task<IReadOnlyList<DirectoryUser>> SearchAsync(string text, int take, CancellationToken cancellationToken);

    /// <summary>Active users holding <paramref name="role"/>.</summary>
    Task<IReadOnlyList<DirectoryUser>> InRoleAsync(string role, CancellationToken cancellationToken);

    /// <summary>
    /// Active users with an id after <paramref name="after"/> (null: from the start), by id, at most <paramref name="take"/>:
    /// a keyset page, so a job can walk everyone in bounded batches (e.g. Notifications' digests). The default walks
    /// <see cref="SearchAsync"/> for directories that keep few people (test doubles); the host's directory pages in SQL.
    /// </summary>
    async Task<IReadOnlyList<DirectoryUser>> ListActiveAsync(Guid? after, int take, CancellationToken cancellationToken) =>
        (await SearchAsync(string.Empty, int.MaxValue, cancellationToken))
            .Where(u => u.IsActive && (after is null || u.Id.CompareTo(after.Value) > 0))
            .OrderBy(u => u.Id)
            .Take(take)
            .ToList();
}
