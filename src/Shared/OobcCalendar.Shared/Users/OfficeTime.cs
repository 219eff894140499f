namespace OobcCalendar.Shared.Users;

/// <summary>Time-zone facts shared by every module.</summary>
public static class OfficeTime
{
    /// <summary>The agency's zone: the default for users and events.</summary>
    public const string DefaultTimeZoneId = "Asia/Manila";

    /// <summary>Whether <paramref name="id"/> is an IANA zone this machine knows.</summary>
    public static bool IsKnownZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    /// <summary>The zone, falling back to the office default for unknown ids.</summary>
    public static TimeZoneInfo Zone(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? zone
            : TimeZoneInfo.FindSystemTimeZoneById(DefaultTimeZoneId);
}
