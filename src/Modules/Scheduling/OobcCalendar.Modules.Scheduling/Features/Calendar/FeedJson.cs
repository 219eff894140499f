using System.Globalization;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Shared.Calendar;

namespace OobcCalendar.Modules.Scheduling.Features.Calendar;

/// <summary>A feed item as the shared calendar entry (written as FullCalendar JSON by <see cref="CalendarFeedJson"/>).</summary>
internal static class FeedJson
{
    /// <summary>The entries' <see cref="CalendarFeedEntry.Kind"/>, which the event actions read back.</summary>
    public const string Kind = "event";

    public static CalendarFeedEntry ToEntry(FeedItem item, CalendarFeedRequest feed)
    {
        var style = CalendarEntryStyle.None;
        style |= item.Recurring ? CalendarEntryStyle.Recurring : 0;
        style |= item.Overridden ? CalendarEntryStyle.Overridden : 0;
        style |= item.Cancelled ? CalendarEntryStyle.Cancelled : 0;
        style |= item.BusyOnly ? CalendarEntryStyle.BusyOnly : 0;
        style |= item.MyResponse switch
        {
            ParticipantResponse.Declined => CalendarEntryStyle.Declined,
            ParticipantResponse.Tentative => CalendarEntryStyle.Tentative,
            _ => 0,
        };

        // All-day events are dates of the event's own zone (a holiday is the same day for everyone).
        var eventZone = Shared.Users.OfficeTime.Zone(item.TimeZoneId);
        var recurrenceId = item.RecurrenceId.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return new CalendarFeedEntry(
            $"{item.EventId}|{recurrenceId}",
            Kind,
            item.Title,
            item.AllDay ? TimeZoneInfo.ConvertTime(item.StartUtc, eventZone).Date : feed.Local(item.StartUtc),
            item.AllDay ? TimeZoneInfo.ConvertTime(item.EndUtc, eventZone).Date : feed.Local(item.EndUtc),
            item.AllDay)
        {
            Editable = item.CanEdit && !item.Cancelled,
            AccentColour = item.CategoryColour,
            Style = style,
            Details = new Dictionary<string, string?>
            {
                ["eventId"] = item.EventId.ToString(),
                ["recurrenceId"] = recurrenceId,
                ["myResponse"] = item.MyResponse?.ToString(),
                ["location"] = item.Location,
                ["categoryColour"] = item.CategoryColour,
            },
        };
    }
}
