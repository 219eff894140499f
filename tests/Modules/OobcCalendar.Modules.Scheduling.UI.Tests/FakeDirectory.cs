using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Scheduling.UI.Tests;

/// <summary>A directory of a few people, and the signed-in one among them.</summary>
public sealed class FakeDirectory : IUserDirectory, ICurrentUser
{
    public static readonly DirectoryUser Me = Person("Farida Mamalinta");
    public static readonly DirectoryUser Maria = Person("Maria Santos");

    private static readonly DirectoryUser[] People = [Me, Maria];

    public bool IsAuthenticated => true;

    public Guid Id => Me.Id;

    public string DisplayName => Me.DisplayName;

    public string TimeZoneId => "Asia/Manila";

    public bool IsInRole(string role) => role == Roles.Staff;

    public Task<DirectoryUser?> FindAsync(Guid id, CancellationToken cancellationToken) => Task.FromResult(People.FirstOrDefault(p => p.Id == id));

    public Task<IReadOnlyList<DirectoryUser>> GetManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DirectoryUser>>(People.Where(p => ids.Contains(p.Id)).ToList());

    public Task<IReadOnlyList<DirectoryUser>> SearchAsync(string text, int take, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DirectoryUser>>(People.Where(p => p.DisplayName.Contains(text, StringComparison.OrdinalIgnoreCase)).Take(take).ToList());

    public Task<IReadOnlyList<DirectoryUser>> InRoleAsync(string role, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<DirectoryUser>>(People);

    private static DirectoryUser Person(string name) =>
        new(Guid.NewGuid(), name, name.Replace(' ', '.').ToLowerInvariant() + "@oobc.gov.ph", null, null, null, "Asia/Manila", [Roles.Staff], true);
}
