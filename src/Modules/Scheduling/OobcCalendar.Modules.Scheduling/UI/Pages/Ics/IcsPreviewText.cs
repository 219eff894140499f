using OobcCalendar.Modules.Scheduling.Features.Ics;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Scheduling.UI.Pages.Ics;

/// <summary>How the preview writes times and series changes.</summary>
internal static class IcsPreviewText
{
    /// <summary>
    /// "Mon 1 Mar 2027, 9:00 AM – 10:00 AM" in the event's own zone (named when it is not the reader's), so what the file
    /// says can be checked against the other calendar; all-day events as their dates.
    /// </summary>
    public static string When(IcsPreviewEvent e, string readerZoneId)
    {
        var zone = OfficeTime.Zone(e.TimeZoneId);
        if (e.AllDay)
        {
            return TimeText.AllDay(WallClock.ToLocalDate(e.Start, zone), WallClock.ToLocalDate(e.End, zone).AddDays(-1));
        }

        var range = TimeText.Range(e.Start, e.End, zone);
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
