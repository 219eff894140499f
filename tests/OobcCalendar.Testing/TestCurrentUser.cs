using OobcCalendar.Shared.Users;

namespace OobcCalendar.Testing;

/// <summary>
/// An ICurrentUser the test controls. <see cref="ActAs"/> sets the identity for the current async flow
/// only, so parallel requests in one test (races between two approvers) each act as themselves.
/// </summary>
public sealed class TestCurrentUser : ICurrentUser
{
    private static readonly AsyncLocal<Acting?> Current = new();
    private Guid? userId;

    /// <summary>The default identity, used where no <see cref="ActAs"/> is in effect.</summary>
    public Guid? UserId
    {
        get => Current.Value?.Id ?? userId;
        set => userId = value;
    }

    /// <summary>The default roles (or those of the acting identity).</summary>
    public HashSet<string> Roles => Current.Value?.Roles ?? DefaultRoles;

    private HashSet<string> DefaultRoles { get; } = [];

    public bool IsAuthenticated => UserId is not null;

    public Guid Id => UserId ?? throw new InvalidOperationException("Nobody is signed in.");

    public string DisplayName => "Test user";

    public string TimeZoneId => OfficeTime.DefaultTimeZoneId;

    /// <summary>Acts as <paramref name="id"/> holding exactly <paramref name="roles"/> in this async flow.</summary>
    public void ActAs(Guid id, params string[] roles) => Current.Value = new Acting(id, [.. roles]);

    public bool IsInRole(string role) => Roles.Contains(role);

    private sealed record Acting(Guid Id, HashSet<string> Roles);
}
