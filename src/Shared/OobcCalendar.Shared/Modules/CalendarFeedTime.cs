using System.Globalization;
using OobcCalendar.Shared.Errors;

namespace OobcCalendar.Shared.Modules;

/// <summary>
/// The time convention of every calendar feed: the page runs FullCalendar in its 'UTC' mode and feeds speak
/// wall-clock times of the signed-in user's zone without an offset. The calendar then shows the user's zone in any
/// browser without a time-zone plugin, and times coming back (drops, selections) are read in that zone again.
/// </summary>
public static class CalendarFeedTime
{
    /// <summary>Longest window a feed answers for at once.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(400);

    /// <summary>"2026-12-01T09:00:00": <paramref name="instant"/> as wall-clock time in <paramref name="zone"/>.</summary>
    public static string Format(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>"2026-12-01": the local date of <paramref name="instant"/> in <paramref name="zone"/> (all-day entries).</summary>
    public static string FormatDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads a wall-clock time sent by the page ("2026-12-01T09:00:00", "2026-12-01", with or without a trailing
    /// "Z" or offset, which are ignored by convention) as an instant in <paramref name="zone"/>.
    /// </summary>
    public static bool TryParse(string? text, TimeZoneInfo zone, out DateTimeOffset instant)
    {
        instant = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var value = text.Trim();
        // Shorter than a date ("2026", "yesterday"): IndexOfAny from 10 would throw and answer 500, not 400.
        var cut = value.Length > 10 ? value.IndexOfAny(['Z', 'z', '+'], 10) : -1;
        if (cut < 0 && value.Length > 19)
        {
            cut = value.IndexOf('-', 19);
        }

        if (cut > 0)
        {
            value = value[..cut];
        }

        if (!DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        instant = new DateTimeOffset(local, offset);
        return true;
    }

    /// <summary>Reads a feed's start and end query parameters, or fails with a message fit for a 400 response.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) ParseWindow(string? start, string? end, TimeZoneInfo zone)
    {
        if (!TryParse(start, zone, out var from) || !TryParse(end, zone, out var to))
        {
            throw new InputValidationException(new Dictionary<string, string[]>
            {
                ["start"] = ["Give start and end as ISO 8601 dates or date-times, e.g. start=2026-12-01&end=2027-01-01."],
            });
        }

        if (to <= from || to - from > MaxWindow)
        {
            throw new InputValidationException(new Dictionary<string, string[]>
            {
                ["end"] = [$"The end must be after the start and at most {MaxWindow.TotalDays:0} days later."],
            });
        }

        return (from, to);
    }
}
