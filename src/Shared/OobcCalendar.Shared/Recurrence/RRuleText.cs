using System.Globalization;
using OobcCalendar.Shared.Users;
using OobcCalendar.Shared.Time;

namespace OobcCalendar.Shared.Recurrence;

/// <summary>Low-level reading and writing of RRULE parts (RFC 5545 §3.3.10).</summary>
internal static class RRuleText
{
    private static readonly string[] Codes = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

    public static string DayCode(DayOfWeek day) => Codes[(int)day];

    /// <summary>Splits "FREQ=WEEKLY;BYDAY=MO" (optionally prefixed "RRULE:") into upper-case keys and values.</summary>
    public static bool TrySplit(string? rrule, out Dictionary<string, string> parts)
    {
        parts = new Dictionary<string, string>(StringComparer.Ordinal);
        var text = (rrule ?? string.Empty).Trim();
        if (text.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase))
        {
            text = text[6..];
        }

        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2);
            if (pair.Length != 2 || pair[1].Length == 0 || !parts.TryAdd(pair[0].ToUpperInvariant(), pair[1].ToUpperInvariant()))
            {
                return false;
            }
        }

        return parts.Count > 0;
    }

    /// <summary>"MO" → (0, Monday); "-1FR" → (-1, Friday); "2TU" → (2, Tuesday); null if unreadable.</summary>
    public static (int Ordinal, DayOfWeek Day)? ParseByDay(string value)
    {
        if (value.Length < 2)
        {
            return null;
        }

        var index = Array.IndexOf(Codes, value[^2..]);
        var prefix = value[..^2];
        if (index < 0)
        {
            return null;
        }

        if (prefix.Length == 0)
        {
            return (0, (DayOfWeek)index);
        }

        return int.TryParse(prefix, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ordinal) && ordinal != 0
            ? (ordinal, (DayOfWeek)index)
            : null;
    }

    /// <summary>The end of <paramref name="lastDay"/> in the zone, as a UTC RRULE date-time ("20271231T155959Z").</summary>
    public static string FormatUntil(DateOnly lastDay, string? timeZoneId)
    {
        var zone = OfficeTime.Zone(timeZoneId);
        var endOfDay = lastDay.ToDateTime(new TimeOnly(23, 59, 59));
        var utc = WallClock.ToUtc(endOfDay, zone);
        return utc.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>Reads UNTIL as the day it falls on in the zone: a DATE, a UTC date-time or a floating local one.</summary>
    public static bool TryParseUntil(string value, string? timeZoneId, out DateOnly day)
    {
        day = default;
        if (value.Length == 8)
        {
            return DateOnly.TryParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
        }

        var isUtc = value.EndsWith('Z');
        if (!DateTime.TryParseExact(value.TrimEnd('Z'), "yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return false;
        }

        var local = isUtc ? WallClock.ToLocal(new DateTimeOffset(time, TimeSpan.Zero), timeZoneId) : time;
        day = DateOnly.FromDateTime(local);
        return true;
    }
}
