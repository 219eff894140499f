using System.Globalization;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Shared.Users;
using OobcCalendar.Shared.Time;

namespace OobcCalendar.Modules.Scheduling.Features.Ics;

/// <summary>Rewrites of imported RRULEs into the form the expander reads without surprises.</summary>
internal static class IcsRules
{
    /// <summary>
    /// The rule with UNTIL as a UTC date-time, as RFC 5545 wants with a zoned start: a date-only UNTIL becomes the end of
    /// that day, a floating one is read in the event's zone. Many exporters write either form.
    /// </summary>
    public static string UntilInUtc(string rule, string zoneId, bool allDay)
    {
        var parts = rule.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var index = parts.FindIndex(p => p.StartsWith("UNTIL=", StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            return rule;
        }

        var value = parts[index][6..];
        var zone = OfficeTime.Zone(zoneId);
        DateTimeOffset? until = null;
        if (value.Length == 8 && DateOnly.TryParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            until = WallClock.ToInstant(day.ToDateTime(new TimeOnly(23, 59, 59)), zone);
        }
        else if (!value.EndsWith('Z') && DateTime.TryParseExact(value, "yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            until = WallClock.ToInstant(allDay ? local.Date.AddDays(1).AddSeconds(-1) : local, zone);
        }

        if (until is { } instant)
        {
            parts[index] = "UNTIL=" + instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        }

        return string.Join(';', parts);
    }

    /// <summary>
    /// The rule of an all-day series as RFC 5545 wants it in a file: UNTIL a DATE, like DTSTART (the editor stores the
    /// end of the last day as a UTC instant, which strict readers refuse next to a DATE start).
    /// </summary>
    public static string UntilAsDate(string rule, string zoneId)
    {
        var parts = rule.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var index = parts.FindIndex(p => p.StartsWith("UNTIL=", StringComparison.OrdinalIgnoreCase));
        if (index < 0 || !parts[index].EndsWith('Z')
            || !DateTime.TryParseExact(parts[index][6..^1], "yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc))
        {
            return rule;
        }

        var local = WallClock.ToLocal(new DateTimeOffset(utc, TimeSpan.Zero), zoneId);
        parts[index] = "UNTIL=" + local.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        return string.Join(';', parts);
    }
}
