using System.Globalization;
using System.Text.RegularExpressions;
using OobcCalendar.Shared.Errors;

namespace OobcCalendar.Modules.Resources.Features.Bookings;

/// <summary>
/// The [start, end) a calendar feed is asked for, read from FullCalendar's ISO 8601 query values. A value
/// without an offset (FullCalendar sends those for named zones) is a wall time in the user's zone.
/// </summary>
internal static partial class FeedWindow
{
    /// <summary>Longest window one request may ask for: a month view with its edges is ~6 weeks, a quarter ~92 days.</summary>
    public static readonly TimeSpan MaxLength = TimeSpan.FromDays(100);

    private const string Example = "2026-12-01T00:00:00+08:00";

    /// <summary>The window, or an <see cref="InputValidationException"/> that says which value is wrong and why.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Parse(string? start, string? end, TimeZoneInfo zone)
    {
        var errors = new Dictionary<string, string[]>();
        var from = Read("start", start, zone, errors);
        var to = Read("end", end, zone, errors);
        if (errors.Count == 0 && to <= from)
        {
            errors["end"] = ["end must be after start."];
        }
        else if (errors.Count == 0 && to - from > MaxLength)
        {
            errors["end"] = [$"Ask for at most {MaxLength.TotalDays:0} days at a time; this asks for {(to - from).TotalDays:0.#} days."];
        }

        return errors.Count > 0 ? throw new InputValidationException(errors) : (from, to);
    }

    private static DateTimeOffset Read(string name, string? text, TimeZoneInfo zone, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[name] = [$"{name} is required: an ISO 8601 date or time, e.g. {Example}."];
            return default;
        }

        var match = Iso().Match(text.Trim());
        if (!match.Success || !TryParse(match, zone, out var instant))
        {
            var shown = text.Length > 40 ? text[..40] + "…" : text;
            errors[name] = [$"{name} \"{shown}\" is not an ISO 8601 date or time, e.g. {Example}."];
            return default;
        }

        return instant;
    }

    private static bool TryParse(Match match, TimeZoneInfo zone, out DateTimeOffset instant)
    {
        var wall = match.Groups["wall"].Value;
        if (match.Groups["offset"] is { Success: true } offset)
        {
            // An unencoded "+" in a query string arrives as a space: read "T00:00:00 08:00" as "+08:00".
            var sign = offset.Value == "Z" ? "Z" : offset.Value.Replace(' ', '+');
            return DateTimeOffset.TryParse(wall + sign, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant);
        }

        instant = default;
        if (!DateTime.TryParse(wall, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        instant = new DateTimeOffset(local, zone.GetUtcOffset(local));
        return true;
    }

    [GeneratedRegex(@"^(?<wall>\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?)?)(?<offset>Z|[+\- ]\d{2}:?\d{2})?$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Iso();
}
