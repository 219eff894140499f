using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Shared.Modules;

namespace OobcCalendar.Modules.Scheduling.Features.Calendar;

/// <summary>A feed item as a FullCalendar event object (times per <see cref="CalendarFeedTime"/>).</summary>
internal static class FeedJson
{
    public static object ToFullCalendar(FeedItem item, TimeZoneInfo zone)
    {
        var classes = new List<string>();
        if (item.Recurring)
        {
            classes.Add("oobc-recurring");
        }

        if (item.Overridden)
        {
            classes.Add("oobc-override");
        }

        if (item.Cancelled)
        {
            classes.Add("oobc-cancelled");
        }

        if (item.BusyOnly)
        {
            classes.Add("oobc-busy");
        }

        if (item.MyResponse == ParticipantResponse.Declined)
        {
            classes.Add("oobc-declined");
        }
        else if (item.MyResponse == ParticipantResponse.Tentative)
        {
            classes.Add("oobc-tentative");
        }

        // All-day events are dates of the event's own zone (a holiday is the same day for everyone).
        var eventZone = Shared.Users.OfficeTime.Zone(item.TimeZoneId);
        var recurrenceId = item.RecurrenceId.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        return new
        {
            id = $"{item.EventId}|{recurrenceId}",
            title = item.Title,
            start = item.AllDay ? CalendarFeedTime.FormatDate(item.StartUtc, eventZone) : CalendarFeedTime.Format(item.StartUtc, zone),
            end = item.AllDay ? CalendarFeedTime.FormatDate(item.EndUtc, eventZone) : CalendarFeedTime.Format(item.EndUtc, zone),
            allDay = item.AllDay,
            editable = item.CanEdit && !item.Cancelled,
            classNames = classes,
            borderColor = item.CategoryColour,
            extendedProps = new
            {
                kind = "event",
                eventId = item.EventId,
                recurrenceId,
                recurring = item.Recurring,
                cancelled = item.Cancelled,
                myResponse = item.MyResponse?.ToString(),
                location = item.Location,
                categoryColour = item.CategoryColour,
            },
        };
    }
}
