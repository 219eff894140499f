using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Notifications.Domain.Preferences;

/// <summary>
/// One person's choices. A person without a row gets <see cref="Defaults"/>; channels are stored as the types switched
/// off, so a message type added later is on for everyone until they say otherwise.
/// </summary>
internal sealed class NotificationPreferences
{
    /// <summary>Longest reminder offset: four weeks, in minutes.</summary>
    public const int MaxReminderOffsetMinutes = 4 * 7 * 24 * 60;

    /// <summary>Most offsets one person may keep.</summary>
    public const int MaxReminderOffsets = 6;

    public static readonly TimeOnly DefaultDailyDigestAt = new(7, 0);

    public Guid UserId { get; init; }

    /// <summary>Minutes before an event to remind, for events that set none.</summary>
    public List<int> ReminderOffsets { get; set; } = [15];

    /// <summary>Message types (keys) the person does not want by e-mail.</summary>
    public List<string> EmailOff { get; set; } = [];

    /// <summary>Message types (keys) the person does not want in the bell.</summary>
    public List<string> InAppOff { get; set; } = [];

    /// <summary>Start of quiet hours (local); with <see cref="QuietEnd"/>, may wrap midnight (22:00–07:00).</summary>
    public TimeOnly? QuietStart { get; set; }

    public TimeOnly? QuietEnd { get; set; }

    public bool DailyDigest { get; set; } = true;

    public TimeOnly DailyDigestAt { get; set; } = DefaultDailyDigestAt;

    /// <summary>Weekly digest, sent on Monday at <see cref="DailyDigestAt"/>.</summary>
    public bool WeeklyDigest { get; set; }

    /// <summary>IANA zone; null means the user directory's zone.</summary>
    public string? TimeZoneId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>What a person who never saved preferences gets.</summary>
    public static NotificationPreferences Defaults(Guid userId) => new() { UserId = userId };

    public bool WantsEmail(string type) => !EmailOff.Contains(type);

    public bool WantsInApp(string type) => !InAppOff.Contains(type);

    /// <summary>The zone to use: the person's choice here, else the directory's, else the office's.</summary>
    public TimeZoneInfo Zone(string? directoryZoneId) => OfficeTime.Zone(TimeZoneId ?? directoryZoneId);

    public QuietHours? Quiet => QuietStart is { } start && QuietEnd is { } end ? new QuietHours(start, end) : null;

    /// <summary>Problems with these choices, as messages a person can act on; empty when they may be saved.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (ReminderOffsets.Count > MaxReminderOffsets)
        {
            errors.Add($"Keep at most {MaxReminderOffsets} reminder times.");
        }

        if (ReminderOffsets.Any(o => o <= 0))
        {
            errors.Add("A reminder must come at least one minute before the event.");
        }

        if (ReminderOffsets.Any(o => o > MaxReminderOffsetMinutes))
        {
            errors.Add("A reminder can come at most 4 weeks before the event.");
        }

        if (ReminderOffsets.Distinct().Count() != ReminderOffsets.Count)
        {
            errors.Add("Each reminder time may be listed once.");
        }

        if (QuietStart.HasValue != QuietEnd.HasValue)
        {
            errors.Add("Quiet hours need both a start and an end.");
        }
        else if (QuietStart is { } start && start == QuietEnd)
        {
            errors.Add("Quiet hours must end at a different time than they start.");
        }

        if (TimeZoneId is not null && !OfficeTime.IsKnownZone(TimeZoneId))
        {
            errors.Add($"'{TimeZoneId}' is not a time zone this server knows.");
        }

        return errors;
    }
}
