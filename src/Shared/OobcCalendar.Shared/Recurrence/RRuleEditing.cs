using System.Globalization;

namespace OobcCalendar.Shared.Recurrence;

/// <summary>
/// Rewrites of an RRULE needed when a series is split or moved ("this and following", dragging a whole series).
/// Rules are values without the "RRULE:" prefix; unknown parts are kept as they are.
/// </summary>
public static class RRuleEditing
{
    /// <summary>The COUNT of a rule, or null when it has none.</summary>
    public static int? Count(string rrule) =>
        RRuleText.TrySplit(rrule, out var parts) && parts.TryGetValue("COUNT", out var count) && int.TryParse(count, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>Whether the rule ends (COUNT or UNTIL) rather than running for ever.</summary>
    public static bool Ends(string rrule) =>
        RRuleText.TrySplit(rrule, out var parts) && (parts.ContainsKey("COUNT") || parts.ContainsKey("UNTIL"));

    /// <summary>The rule ending with the last occurrence before <paramref name="cutoffUtc"/> (UNTIL in UTC, as RFC 5545 wants with a zoned DTSTART).</summary>
    public static string EndBefore(string rrule, DateTimeOffset cutoffUtc) =>
        With(rrule, "UNTIL", cutoffUtc.UtcDateTime.AddSeconds(-1).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture), remove: "COUNT");

    /// <summary>The rule with COUNT set to <paramref name="count"/> (any UNTIL removed).</summary>
    public static string WithCount(string rrule, int count) =>
        With(rrule, "COUNT", count.ToString(CultureInfo.InvariantCulture), remove: "UNTIL");

    /// <summary>
    /// The rule with its BYDAY weekdays moved by <paramref name="days"/> (e.g. a weekly Monday meeting dragged to
    /// Tuesday becomes a Tuesday meeting). Ordinals ("2TU", "-1FR") are kept. Rules without BYDAY are returned unchanged.
    /// </summary>
    public static string ShiftWeekdays(string rrule, int days)
    {
        if (days % 7 == 0 || !RRuleText.TrySplit(rrule, out var parts) || !parts.TryGetValue("BYDAY", out var byDay))
        {
            return rrule;
        }

        var shifted = byDay.Split(',').Select(code =>
        {
            var parsed = RRuleText.ParseByDay(code);
            if (parsed is not { } day)
            {
                return code;
            }

            var moved = (DayOfWeek)((((int)day.Day + days) % 7 + 7) % 7);
            return (day.Ordinal == 0 ? string.Empty : day.Ordinal.ToString(CultureInfo.InvariantCulture)) + RRuleText.DayCode(moved);
        });
        return With(rrule, "BYDAY", string.Join(',', shifted));
    }

    /// <summary>
    /// The rule with its UNTIL moved as the series moves, so moving every occurrence keeps every occurrence: a date-time
    /// UNTIL goes through <paramref name="moveUtc"/> (the series' own wall-clock shift), a date UNTIL moves by
    /// <paramref name="days"/>. Rules without UNTIL are returned unchanged.
    /// </summary>
    public static string ShiftUntil(string rrule, Func<DateTimeOffset, DateTimeOffset> moveUtc, int days)
    {
        ArgumentNullException.ThrowIfNull(moveUtc);
        if (!RRuleText.TrySplit(rrule, out var parts) || !parts.TryGetValue("UNTIL", out var until))
        {
            return rrule;
        }

        if (DateOnly.TryParseExact(until, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return days == 0 ? rrule : With(rrule, "UNTIL", date.AddDays(days).ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        }

        if (DateTime.TryParseExact(until, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc))
        {
            var moved = moveUtc(new DateTimeOffset(utc, TimeSpan.Zero)).UtcDateTime;
            return With(rrule, "UNTIL", moved.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        }

        // A floating UNTIL (no Z) is not what this app writes; left as it is.
        return rrule;
    }

    private static string With(string rrule, string key, string value, string? remove = null)
    {
        if (!RRuleText.TrySplit(rrule, out var parts))
        {
            return rrule;
        }

        if (remove is not null)
        {
            parts.Remove(remove);
        }

        parts[key] = value;
        // FREQ first: some readers insist on it.
        var ordered = parts.OrderBy(p => p.Key == "FREQ" ? 0 : 1).Select(p => $"{p.Key}={p.Value}");
        return string.Join(';', ordered);
    }
}
