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

/// <summary>Permission checks handlers make before changing anything.</summary>
public static class CurrentUserPermissions
{
    /// <summary>Throws <see cref="Errors.ForbiddenException"/> unless the user is signed in and holds <paramref name="role"/>.</summary>
    public static void EnsureInRole(this ICurrentUser user, string role, string whatFor)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsAuthenticated || !user.IsInRole(role))
        {
            throw new Errors.ForbiddenException($"Only {role} users can {whatFor}.");
        }
    }

    /// <summary>
    /// Throws <see cref="Errors.ForbiddenException"/> unless the user is one of the office's people
    /// (<see cref="Roles.OfficeMembers"/>): a check-in desk account runs the desk, it does not book or import.
    /// </summary>
    public static void EnsureOfficeMember(this ICurrentUser user, string whatFor)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsAuthenticated || !Roles.OfficeMemberRoles.Any(user.IsInRole))
        {
            throw new Errors.ForbiddenException($"Check-in desk accounts cannot {whatFor}: sign in with your own account.");
        }
    }
}
