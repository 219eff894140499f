namespace OobcCalendar.Modules.Notifications.Features.Preferences;

/// <summary>A person's notification choices as the preference page edits them.</summary>
/// <param name="ReminderOffsets">Minutes before an event (1 to 40,320), at most 6.</param>
/// <param name="EmailOff">Message type keys not wanted by e-mail.</param>
/// <param name="InAppOff">Message type keys not wanted in the bell.</param>
/// <param name="QuietStart">Start of quiet hours, local; with <paramref name="QuietEnd"/> or neither.</param>
/// <param name="QuietEnd">End of quiet hours, local; may be before the start (wraps midnight).</param>
/// <param name="DailyDigest">Daily digest on.</param>
/// <param name="DailyDigestAt">Local time of the daily (and weekly) digest.</param>
/// <param name="WeeklyDigest">Weekly digest on Monday.</param>
/// <param name="TimeZoneId">IANA zone; null: the user directory's.</param>
/// <param name="EffectiveTimeZoneId">The zone in use (read only: the directory's when <paramref name="TimeZoneId"/> is null).</param>
internal sealed record NotificationPreferencesDto(
    IReadOnlyList<int> ReminderOffsets,
    IReadOnlyList<string> EmailOff,
    IReadOnlyList<string> InAppOff,
    TimeOnly? QuietStart,
    TimeOnly? QuietEnd,
    bool DailyDigest,
    TimeOnly DailyDigestAt,
    bool WeeklyDigest,
    string? TimeZoneId,
    string EffectiveTimeZoneId = "");
