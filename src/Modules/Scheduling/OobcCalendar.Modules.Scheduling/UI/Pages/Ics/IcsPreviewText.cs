using System.Globalization;
using OobcCalendar.Modules.Scheduling.Features.Ics;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Scheduling.UI.Pages.Ics;

/// <summary>How the preview writes times and series changes.</summary>
internal static class IcsPreviewText
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>
    /// "Mon 1 Mar 2027, 09:00–10:00" in the event's own zone (named when it is not the reader's), so what the file
    /// says can be checked against the other calendar; all-day events as their dates.
    /// </summary>
    public static string When(IcsPreviewEvent e, string readerZoneId)
    {
        var zone = OfficeTime.Zone(e.TimeZoneId);
        var start = TimeZoneInfo.ConvertTime(e.Start, zone);
        var end = TimeZoneInfo.ConvertTime(e.End, zone);
        if (e.AllDay)
        {
            var last = end.AddDays(-1);
            return last.Date <= start.Date ? start.ToString("ddd d MMM yyyy", Culture) : $"{start.ToString("ddd d MMM", Culture)} – {last.ToString("ddd d MMM yyyy", Culture)}";
        }

        var range = end.Date == start.Date
            ? $"{start.ToString("ddd d MMM yyyy, HH:mm", Culture)}–{end.ToString("HH:mm", Culture)}"
            : $"{start.ToString("ddd d MMM yyyy, HH:mm", Culture)} – {end.ToString("ddd d MMM, HH:mm", Culture)}";
        return e.TimeZoneId == readerZoneId ? range : $"{range} ({e.TimeZoneId})";
    }

    /// <summary>"1 occurrence changed, 2 deleted", or null when the series is as its rule says.</summary>
    public static string? Changes(IcsPreviewEvent e)
    {
        var parts = new List<string>();
        if (e.ChangedOccurrences > 0)
        {
            parts.Add($"{e.ChangedOccurrences} {(e.ChangedOccurrences == 1 ? "occurrence" : "occurrences")} changed");
        }

        if (e.DeletedOccurrences > 0)
        {
            parts.Add(parts.Count == 0 ? $"{e.DeletedOccurrences} {(e.DeletedOccurrences == 1 ? "occurrence" : "occurrences")} deleted" : $"{e.DeletedOccurrences} deleted");
        }

        return parts.Count == 0 ? null : string.Join(", ", parts);
    }
}
