using OobcCalendar.Modules.Notifications.Domain.Preferences;
using OobcCalendar.Modules.Notifications.Features.Preferences;

namespace OobcCalendar.Modules.Notifications.UI.Pages;

/// <summary>
/// What the preference page edits, in the shapes its inputs bind to (pickers give <see cref="TimeSpan"/>s). The rules
/// are the entity's (<see cref="NotificationPreferences.Validate"/>), so the page and the command never disagree.
/// </summary>
internal sealed class PreferencesForm
{
    /// <summary>The offsets offered as chips: 15, 30, 60, 120 minutes and one day.</summary>
    public static readonly IReadOnlyList<int> Presets = [15, 30, 60, 120, 24 * 60];

    public List<int> Offsets { get; set; } = [];

    public HashSet<string> EmailOff { get; } = new(StringComparer.Ordinal);

    public HashSet<string> InAppOff { get; } = new(StringComparer.Ordinal);

    public bool QuietOn { get; set; }

    public TimeSpan? QuietStart { get; set; }

    public TimeSpan? QuietEnd { get; set; }

    public bool DailyDigest { get; set; }

    public TimeSpan? DailyDigestAt { get; set; }

    public bool WeeklyDigest { get; set; }

    /// <summary>Null or empty: the directory's zone.</summary>
    public string? TimeZoneId { get; set; }

    public static PreferencesForm From(NotificationPreferencesDto dto)
    {
        ArgumentNullException.ThrowIfNull(dto);
        var form = new PreferencesForm
        {
            Offsets = [.. dto.ReminderOffsets.Order()],
            QuietOn = dto.QuietStart is not null,
            QuietStart = dto.QuietStart?.ToTimeSpan() ?? new TimeSpan(22, 0, 0),
            QuietEnd = dto.QuietEnd?.ToTimeSpan() ?? new TimeSpan(7, 0, 0),
            DailyDigest = dto.DailyDigest,
            DailyDigestAt = dto.DailyDigestAt.ToTimeSpan(),
            WeeklyDigest = dto.WeeklyDigest,
            TimeZoneId = dto.TimeZoneId,
        };
        form.EmailOff.UnionWith(dto.EmailOff);
        form.InAppOff.UnionWith(dto.InAppOff);
        return form;
    }

    /// <summary>Checks a custom offset before it joins the list; null when it may.</summary>
    public string? CheckCustom(int? amount, int minutesPerUnit)
    {
        if (amount is not { } value)
        {
            return "Enter how long before the event.";
        }

        var minutes = (long)value * minutesPerUnit;
        if (minutes <= 0)
        {
            return "A reminder must come at least one minute before the event.";
        }

        if (minutes > NotificationPreferences.MaxReminderOffsetMinutes)
        {
            return "A reminder can come at most 4 weeks before the event.";
        }

        if (Offsets.Contains((int)minutes))
        {
            return "That reminder is already in your list.";
        }

        return Offsets.Count >= NotificationPreferences.MaxReminderOffsets
            ? $"Keep at most {NotificationPreferences.MaxReminderOffsets} reminder times: remove one first."
            : null;
    }

    public void Toggle(int minutes)
    {
        if (!Offsets.Remove(minutes))
        {
            Offsets.Add(minutes);
            Offsets.Sort();
        }
    }

    public NotificationPreferencesDto ToDto() => new(
        [.. Offsets],
        [.. EmailOff.Order(StringComparer.Ordinal)],
        [.. InAppOff.Order(StringComparer.Ordinal)],
        QuietOn && QuietStart is { } start ? TimeOnly.FromTimeSpan(start) : null,
        QuietOn && QuietEnd is { } end ? TimeOnly.FromTimeSpan(end) : null,
        DailyDigest,
        DailyDigestAt is { } at ? TimeOnly.FromTimeSpan(at) : NotificationPreferences.DefaultDailyDigestAt,
        WeeklyDigest,
        string.IsNullOrWhiteSpace(TimeZoneId) ? null : TimeZoneId.Trim());

    /// <summary>Every problem with the form as it stands; empty when it may be saved.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (QuietOn && (QuietStart is null || QuietEnd is null))
        {
            errors.Add("Quiet hours need both a start and an end.");
        }

        if ((DailyDigest || WeeklyDigest) && DailyDigestAt is null)
        {
            errors.Add("Choose the time your digest arrives.");
        }

        errors.AddRange(SaveMyNotificationPreferencesHandler.Apply(ToDto(), NotificationPreferences.Defaults(Guid.Empty)).Validate()
            .Where(e => !errors.Contains(e)));
        return errors;
    }
}
