using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Notifications.Dispatching;

/// <summary>Whom a message is for, as the user directory knows them (an id it does not know is kept, to be skipped).</summary>
internal sealed record Recipient(Guid UserId, string DisplayName, string? Email, string? TimeZoneId, bool IsActive, bool IsKnown = true)
{
    public static Recipient From(DirectoryUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.Id, user.DisplayName, string.IsNullOrWhiteSpace(user.Email) ? null : user.Email, user.TimeZoneId, user.IsActive);
    }

    /// <summary>Looks the ids up in one call; unknown ids come back as skipped recipients, duplicates once.</summary>
    public static async Task<IReadOnlyList<Recipient>> LoadAsync(IUserDirectory directory, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var wanted = ids.Distinct().ToList();
        var found = (await directory.GetManyAsync(wanted, cancellationToken)).ToDictionary(u => u.Id);
        return [.. wanted.Select(id => found.TryGetValue(id, out var user)
            ? From(user)
            : new Recipient(id, "unknown user", null, null, IsActive: false, IsKnown: false))];
    }

    /// <summary>Why no e-mail can go to this person, or null when one can.</summary>
    public string? WhyNoEmail() =>
        !IsKnown ? "not in the user directory"
        : !IsActive ? "account deactivated"
        : Email is null ? "no e-mail address"
        : null;
}
