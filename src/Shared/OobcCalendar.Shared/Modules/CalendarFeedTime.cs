using System.Globalization;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Time;

namespace OobcCalendar.Shared.Modules;

/// <summary>
/// The time convention of every calendar feed: the page runs FullCalendar in its 'UTC' mode and feeds speak
/// wall-clock times of the signed-in user's zone without an offset. The calendar then shows the user's zone in any
/// browser without a time-zone plugin, and times coming back (drops, selections) are read in that zone again.
/// </summary>
public static class CalendarFeedTime
{
    /// <summary>"2026-12-01T09:00:00": <paramref name="instant"/> as wall-clock time in <paramref name="zone"/>.</summary>
    public static string Format(DateTimeOffset instant, TimeZoneInfo zone) =>
        WallClock.ToLocal(instant, zone).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>"2026-12-01": the local date of <paramref name="instant"/> in <paramref name="zone"/> (all-day entries).</summary>
    public static string FormatDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        WallClock.ToLocalDate(instant, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads a wall-clock time sent by the page ("2026-12-01T09:00:00", "2026-12-01", with or without a trailing
    /// "Z" or offset, which are ignored by convention) as an instant in <paramref name="zone"/>, by
    /// <see cref="WallClock.ToInstant(DateTime, TimeZoneInfo)"/>'s rule for skipped and repeated times. A date
    /// outside <see cref="DateLimits"/> is no time (false): nothing outside them is worth converting.
    /// </summary>
    public static bool TryParse(string? text, TimeZoneInfo zone, out DateTimeOffset instant)
    {
        instant = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var value = text.Trim();
        // Anything shorter than a date ("yesterday", "2027-3-1") has no zone suffix to cut, and IndexOfAny would throw.
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

        // Out of the limits (0001-01-01 in a zone east of UTC has no instant at all): refused, not converted.
        if (!DateLimits.Contains(local) && !(local.TimeOfDay == TimeSpan.Zero && DateLimits.ContainsExclusiveEnd(DateOnly.FromDateTime(local))))
        {
            return false;
        }

        instant = WallClock.ToInstant(local, zone);
        return true;
    }

    /// <summary>
    /// Reads a feed's start and end query parameters (dates within <see cref="DateLimits"/>, at most
    /// <paramref name="maxDays"/> apart, <see cref="DateLimits.MaxFeedDays"/> for every feed), or fails with a message
    /// per field that says which value is wrong and why, fit for a 400 response, before any work is done on the window.
    /// </summary>
    public static (DateTimeOffset Start, DateTimeOffset End) ParseWindow(string? start, string? end, TimeZoneInfo zone, int maxDays = DateLimits.MaxFeedDays)
    {
        var errors = new Dictionary<string, string[]>();
        var from = Read("start", start, zone, errors);
        var to = Read("end", end, zone, errors);
        if (errors.Count == 0 && to <= from)
        {
            errors["end"] = ["end must be after start."];
        }
        else if (errors.Count == 0 && to - from > TimeSpan.FromDays(maxDays))
        {
            errors["end"] = [$"Ask for at most {maxDays} days at a time; this asks for {(to - from).TotalDays:0.#} days."];
        }

        return errors.Count > 0 ? throw new InputValidationException(errors) : (from, to);
    }

    private static DateTimeOffset Read(string name, string? text, TimeZoneInfo zone, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[name] = [$"{name} is required: an ISO 8601 date or time, e.g. 2026-12-01T00:00:00."];
            return default;
        }

        if (text.Length >= 10 && text[4] == '-' && text[7] == '-'
            && DateOnly.TryParseExact(text.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && !(name == "end" ? DateLimits.ContainsExclusiveEnd(day) || DateLimits.Contains(day) : DateLimits.Contains(day)))
        {
            errors[name] = [DateLimits.OutOfRange(name)];
            return default;
        }

        if (text.Length < 10 || text[4] != '-' || text[7] != '-' || !TryParse(text, zone, out var instant))
        {
            var shown = text.Length > 40 ? text[..40] + "…" : text;
            errors[name] = [$"{name} \"{shown}\" is not an ISO 8601 date or time, e.g. 2026-12-01T00:00:00."];
            return default;
        }

        return instant;
    }
}
