using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave.Features.Jobs;

/// <summary>The people who earn leave: active office members of the directory (check-in desk accounts are not people).</summary>
internal static class LeavePeople
{
    public static async Task<IReadOnlyList<Guid>> EarnersAsync(IUserDirectory directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var ids = new HashSet<Guid>();
        foreach (var role in Roles.OfficeMemberRoles)
        {
            foreach (var user in await directory.InRoleAsync(role, cancellationToken))
            {
                if (user.IsActive)
                {
                    ids.Add(user.Id);
                }
            }
        }

        return [.. ids.Order()];
    }

    /// <summary>Whether <paramref name="user"/> is one of <see cref="EarnersAsync"/>: active and holding an office member role.</summary>
    public static bool Earns(DirectoryUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsActive && user.Roles.Any(role => Roles.OfficeMemberRoles.Contains(role, StringComparer.OrdinalIgnoreCase));
    }
}
