namespace OobcCalendar.Shared.Users;

/// <summary>The signed-in user of the current request or circuit.</summary>
public interface ICurrentUser
{
    /// <summary>Whether someone is signed in.</summary>
    bool IsAuthenticated { get; }

    /// <summary>The user's id; throws when nobody is signed in.</summary>
    Guid Id { get; }

    /// <summary>Name to show.</summary>
    string DisplayName { get; }

    /// <summary>The user's preferred IANA time zone.</summary>
    string TimeZoneId { get; }

    /// <summary>Whether the user holds <paramref name="role"/>.</summary>
    bool IsInRole(string role);
}
