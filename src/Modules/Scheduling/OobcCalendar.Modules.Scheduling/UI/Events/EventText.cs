using System.Globalization;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Scheduling.UI.Events;

/// <summary>How the event dialogs word times, reminders and lists of people.</summary>
internal static class EventText
{
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-PH");

    /// <summary>"Wed 2 Dec 2026, 3:00 PM – 4:00 PM" in the reader's zone; all-day events as dates of their own zone.</summary>
    public static string When(DateTimeOffset start, DateTimeOffset end, bool allDay, string eventZoneId, string readerZoneId)
    {
        if (allDay)
        {
            var zone = OfficeTime.Zone(eventZoneId);
            var first = ZonedTime.Local(start, zone).Date;
            var last = ZonedTime.Local(end, zone).Date.AddDays(-1);
            return last <= first
                ? string.Create(Culture, $"{first:ddd d MMM yyyy} (all day)")
                : string.Create(Culture, $"{first:ddd d MMM} – {last:ddd d MMM yyyy} (all day)");
        }

        var reader = OfficeTime.Zone(readerZoneId);
        var s = ZonedTime.Local(start, reader);
        var e = ZonedTime.Local(end, reader);
        return s.Date == e.Date
            ? string.Create(Culture, $"{s:ddd d MMM yyyy}, {s:h:mm tt} – {e:h:mm tt}")
            : string.Create(Culture, $"{s:ddd d MMM, h:mm tt} – {e:ddd d MMM yyyy, h:mm tt}");
    }

    /// <summary>"Tue 14 Apr" in the reader's zone.</summary>
    public static string Day(DateTimeOffset instant, string readerZoneId) =>
        string.Create(Culture, $"{ZonedTime.Local(instant, OfficeTime.Zone(readerZoneId)):ddd d MMM}");

    /// <summary>"10 minutes", "1 hour", "2 days", "1 week" before.</summary>
    public static string Reminder(int minutes) => minutes switch
    {
        0 => "At the start",
        < 60 => $"{minutes} minutes before",
        60 => "1 hour before",
        < 1440 => $"{minutes / 60} hours before",
        1440 => "1 day before",
        < 10080 => $"{minutes / 1440} days before",
        10080 => "1 week before",
        _ => $"{minutes / 10080} weeks before",
    };

    /// <summary>"Ana", "Ana and Ben", "Ana, Ben and Carl".</summary>
    public static string Names(IReadOnlyList<string> names) => names.Count switch
    {
        0 => string.Empty,
        1 => names[0],
        _ => $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}",
    };

    public static string Visibility(EventVisibility visibility) => visibility switch
    {
        EventVisibility.Private => "Private: only the people invited see it",
        EventVisibility.BusyOnly => "Busy only: others see that you are busy, not what",
        _ => "Normal: colleagues who may see your calendar see the details",
    };

    public static string Response(ParticipantResponse response) => response switch
    {
        ParticipantResponse.Accepted => "Accepted",
        ParticipantResponse.Tentative => "Maybe",
        ParticipantResponse.Declined => "Declined",
        _ => "No answer yet",
    };
}
