using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Shared.Users;
using OobcCalendar.Shared.Time;

namespace OobcCalendar.Modules.Scheduling.UI.Events;

/// <summary>How the event dialogs word times, reminders and lists of people.</summary>
internal static class EventText
{
    /// <summary>"Wed 2 Dec 2026, 3:00 PM – 4:00 PM" in the reader's zone; all-day events as dates of their own zone.</summary>
    public static string When(DateTimeOffset start, DateTimeOffset end, bool allDay, string eventZoneId, string readerZoneId)
    {
        if (!allDay)
        {
            return TimeText.Range(start, end, readerZoneId);
        }

        var zone = OfficeTime.Zone(eventZoneId);
        return TimeText.AllDay(WallClock.ToLocalDate(start, zone), WallClock.ToLocalDate(end, zone).AddDays(-1));
    }

    /// <summary>"Tue 14 Apr" in the reader's zone.</summary>
    public static string Day(DateTimeOffset instant, string readerZoneId) => TimeText.Day(instant, OfficeTime.Zone(readerZoneId));

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
