using OobcCalendar.Shared.Users;

namespace OobcCalendar.Testing;

/// <summary>An ICurrentUser the test controls.</summary>
public sealed class TestCurrentUser : ICurrentUser
{
    public Guid? UserId { get; set; }

    /// <summary>Acts as <paramref name="id"/> holding exactly <paramref name="roles"/>.</summary>
    public void ActAs(Guid id, params string[] roles)
    {
        UserId = id;
        Roles.Clear();
        Roles.UnionWith(roles);
    }

    public HashSet<string> Roles { get; } = [];

    public bool IsAuthenticated => UserId is not null;

    public Guid Id => UserId ?? throw new InvalidOperationException("Nobody is signed in.");

    public string DisplayName => "Test user";

    public string TimeZoneId => OfficeTime.DefaultTimeZoneId;

    public bool IsInRole(string role) => Roles.Contains(role);
}
