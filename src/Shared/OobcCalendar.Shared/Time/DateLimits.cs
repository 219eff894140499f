using System.Globalization;
using OobcCalendar.Shared.Errors;

namespace OobcCalendar.Shared.Time;

/// <summary>
/// The dates the product accepts from anyone (query strings, forms, uploaded calendars): 1 January 1900 to
/// 31 December 2200 (ADR 0012). Far wider than an office calendar needs, far inside what .NET, PostgreSQL and
/// Ical.Net can represent in any zone, and small enough that no accepted window makes a series expand for long.
/// A date from outside is refused at the door with a message naming the limits, before any work is done on it.
/// </summary>
public static class DateLimits
{
    /// <summary>The first day accepted.</summary>
    public static readonly DateOnly First = new(1900, 1, 1);

    /// <summary>The last day accepted.</summary>
    public static readonly DateOnly Last = new(2200, 12, 31);

    /// <summary>Most days one calendar feed request may span (every feed: events, bookings, and those to come).</summary>
    public const int MaxFeedDays = 100;

    /// <summary>"1900-01-01 to 2200-12-31": the limits as error messages name them.</summary>
    public static string Described { get; } = string.Create(CultureInfo.InvariantCulture, $"{First:yyyy-MM-dd} to {Last:yyyy-MM-dd}");

    /// <summary>Whether <paramref name="day"/> lies within the limits.</summary>
    public static bool Contains(DateOnly day) => day >= First && day <= Last;

    /// <summary>Whether the date of wall-clock <paramref name="local"/> lies within the limits.</summary>
    public static bool Contains(DateTime local) => Contains(DateOnly.FromDateTime(local));

    /// <summary>Whether <paramref name="instant"/>'s date (in UTC) lies within the limits.</summary>
    public static bool Contains(DateTimeOffset instant) => Contains(DateOnly.FromDateTime(instant.UtcDateTime));

    /// <summary>
    /// Whether <paramref name="day"/> may end a window whose end is exclusive: any day within the limits or the day
    /// after the last (a window "to 2201-01-01" covers 31 December 2200).
    /// </summary>
    public static bool ContainsExclusiveEnd(DateOnly day) => day > First && day <= Last.AddDays(1);

    /// <summary>The message for a <paramref name="field"/> outside the limits, fit for a 400 answer or a form field.</summary>
    public static string OutOfRange(string field) => $"{field} must be a date from {Described}.";

    /// <summary>Throws a 400-style <see cref="InputValidationException"/> for <paramref name="field"/> when <paramref name="day"/> is outside the limits.</summary>
    public static void Ensure(DateOnly day, string field)
    {
        if (!Contains(day))
        {
            throw new InputValidationException(new Dictionary<string, string[]> { [field] = [OutOfRange(field)] });
        }
    }

    /// <summary>Form date pickers' earliest date.</summary>
    public static DateTime PickerMin => First.ToDateTime(TimeOnly.MinValue);

    /// <summary>Form date pickers' latest date.</summary>
    public static DateTime PickerMax => Last.ToDateTime(TimeOnly.MinValue);
}
