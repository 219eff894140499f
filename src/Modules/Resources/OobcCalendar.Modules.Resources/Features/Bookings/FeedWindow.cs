using System.Text.RegularExpressions;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Modules;

namespace OobcCalendar.Modules.Resources.Features.Bookings;

/// <summary>
/// The [start, end) the bookings feed is asked for: wall-clock times of the user's zone, read as every feed reads
/// them (<see cref="CalendarFeedTime"/>, docs/adr/0005), with a message per bad value and a 100-day cap.
/// </summary>
internal static partial class FeedWindow
{
    /// <summary>Longest window one request may ask for: a month view with its edges is ~6 weeks, a quarter ~92 days.</summary>
    public static readonly TimeSpan MaxLength = TimeSpan.FromDays(100);

    private const string Example = "2026-12-01T00:00:00";

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
            errors[name] = [$"{name} is required: an ISO 8601 date or date-time, e.g. {Example}."];
            return default;
        }

        // ISO only: the lenient parser behind it would also take "12/01/2026" and guess which is the month.
        if (!IsoDate().IsMatch(text) || !CalendarFeedTime.TryParse(text, zone, out var instant))
        {
            var shown = text.Length > 40 ? text[..40] + "…" : text;
            errors[name] = [$"{name} \"{shown}\" is not an ISO 8601 date or date-time, e.g. {Example}."];
            return default;
        }

        return instant;
    }

    [GeneratedRegex(@"^\s*\d{4}-\d{2}-\d{2}(T|$|\s*$)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex IsoDate();
}
