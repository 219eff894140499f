using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using OobcCalendar.Shared.Ics;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Shared.Users;
using OobcCalendar.Shared.Time;
using CalendarEvent = OobcCalendar.Modules.Scheduling.Domain.Events.CalendarEvent;
using IcalEvent = Ical.Net.CalendarComponents.CalendarEvent;

namespace OobcCalendar.Modules.Scheduling.Features.Ics;

/// <summary>An event as it goes into a file: with its details, or as "Busy" when the reader may not see them.</summary>
internal sealed record IcsExportItem(CalendarEvent Event, bool DetailsHidden, string? CategoryName)
{
    /// <summary>No organizer, attendees, per-occurrence answers or reminders (a public share).</summary>
    public bool WithoutPeople { get; init; }

    /// <summary>Title and time only: no place or description (a public share at titles level).</summary>
    public bool TitleOnly { get; init; }
}

/// <summary>
/// Writes events as RFC 5545: a series is one VEVENT with its RRULE and EXDATEs in its own zone (with a VTIMEZONE),
/// each changed occurrence a VEVENT with the same UID and a RECURRENCE-ID, so calendar clients rebuild the same series.
/// </summary>
internal static class IcsWriter
{
    public const string ProductId = "-//OOBC//OobcCalendar//EN";

    /// <summary>Domain of the UIDs of events made here; importing such a UID back recognises the event.</summary>
    public const string UidDomain = "oobc-calendar";

    /// <summary>The UID an event has in files: the one it was imported with, or its own id.</summary>
    public static string UidOf(CalendarEvent e) => e.ExternalUid ?? $"{e.Id}@{UidDomain}";

    // method: PUBLISH for exports and feeds; REQUEST or CANCEL for e-mail invitations (iTIP).
    public static byte[] Write(
        IReadOnlyList<IcsExportItem> items, IReadOnlyDictionary<Guid, DirectoryUser> people, DateTimeOffset now, string? calendarName, string method = "PUBLISH")
    {
        var calendar = new Ical.Net.Calendar { ProductId = ProductId, Method = method };
        if (calendarName is not null)
        {
            calendar.AddProperty("X-WR-CALNAME", calendarName);
        }

        foreach (var zone in items.Where(i => !i.Event.AllDay).GroupBy(i => i.Event.TimeZoneId))
        {
            calendar.AddTimeZone(IcsTimeZones.For(zone.Key, zone.Min(i => i.Event.StartUtc)));
        }

        foreach (var item in items)
        {
            calendar.Events.Add(Master(item, people, now));
            foreach (var changed in item.Event.Overrides.OrderBy(o => o.RecurrenceId))
            {
                calendar.Events.Add(Changed(item, changed, people, now));
            }

            // Occurrences someone answered on their own (and nobody changed): an exception carrying their PARTSTAT for
            // that occurrence, as calendars write a per-instance answer.
            if (!item.DetailsHidden && !item.WithoutPeople)
            {
                var answeredAlone = item.Event.OccurrenceAnswers.Select(a => a.RecurrenceId)
                    .Except(item.Event.Overrides.Select(o => o.RecurrenceId))
                    .Except(item.Event.ExceptionDates)
                    .Distinct()
                    .Order();
                foreach (var recurrenceId in answeredAlone)
                {
                    calendar.Events.Add(Answered(item, recurrenceId, people, now));
                }
            }
        }

        return IcsSerializer.ToBytes(calendar);
    }

    private static IcalEvent Master(IcsExportItem item, IReadOnlyDictionary<Guid, DirectoryUser> people, DateTimeOffset now)
    {
        var e = item.Event;
        // DTSTART must be an occurrence: readers disagree on a DTSTART outside the rule (RFC 5545 leaves it undefined).
        var (start, end) = e.FirstRuleOccurrence();
        var vevent = Common(item, start, end, e.Title, e.Description, e.Location, people, now, recurrenceId: null);
        if (e.RecurrenceRule is { } rule)
        {
            vevent.RecurrenceRule = new RecurrenceRule(e.AllDay ? IcsRules.UntilAsDate(rule, e.TimeZoneId) : rule);
            vevent.ExceptionDates.AddRange(e.ExceptionDates.Order().Select(d => At(e, d)));
        }

        if (e.IsCancelled)
        {
            vevent.Status = "CANCELLED";
        }

        if (!item.DetailsHidden && !item.WithoutPeople && e.ReminderMinutes is { } reminders)
        {
            foreach (var minutes in reminders)
            {
                vevent.Alarms.Add(new Alarm { Action = "DISPLAY", Description = e.Title, Trigger = new Trigger(Duration.FromMinutes(-minutes)) });
            }
        }

        return vevent;
    }

    private static IcalEvent Changed(IcsExportItem item, EventOverride changed, IReadOnlyDictionary<Guid, DirectoryUser> people, DateTimeOffset now)
    {
        var e = item.Event;
        var vevent = Common(
            item, changed.StartUtc, changed.EndUtc, changed.Title ?? e.Title, changed.Description ?? e.Description, changed.Location ?? e.Location, people, now, changed.RecurrenceId);
        vevent.RecurrenceIdentifier = new RecurrenceIdentifier(At(e, changed.RecurrenceId));
        return vevent;
    }

    private static IcalEvent Answered(IcsExportItem item, DateTimeOffset recurrenceId, IReadOnlyDictionary<Guid, DirectoryUser> people, DateTimeOffset now)
    {
        var e = item.Event;
        var occurrence = e.OccurrenceAt(recurrenceId);
        var vevent = Common(item, occurrence.StartUtc, occurrence.EndUtc, e.Title, e.Description, e.Location, people, now, recurrenceId);
        vevent.RecurrenceIdentifier = new RecurrenceIdentifier(At(e, recurrenceId));
        return vevent;
    }

    private static IcalEvent Common(
        IcsExportItem item,
        DateTimeOffset start,
        DateTimeOffset end,
        string title,
        string? description,
        string? location,
        IReadOnlyDictionary<Guid, DirectoryUser> people,
        DateTimeOffset now,
        DateTimeOffset? recurrenceId)
    {
        var e = item.Event;
        var vevent = new IcalEvent
        {
            Uid = UidOf(e),
            DtStamp = new CalDateTime(now.UtcDateTime, CalDateTime.UtcTzId),
            Created = new CalDateTime(e.CreatedAt.UtcDateTime, CalDateTime.UtcTzId),
            LastModified = new CalDateTime(e.UpdatedAt.UtcDateTime, CalDateTime.UtcTzId),
            DtStart = At(e, start),
            DtEnd = At(e, end),
            Summary = item.DetailsHidden ? "Busy" : title,
            Class = e.Visibility switch { EventVisibility.Private => "PRIVATE", EventVisibility.BusyOnly => "CONFIDENTIAL", _ => "PUBLIC" },
        };
        if (item.DetailsHidden || item.TitleOnly)
        {
            return vevent;
        }

        vevent.Description = description;
        vevent.Location = location;
        if (item.CategoryName is { } category)
        {
            vevent.Categories.Add(category);
        }

        if (item.WithoutPeople)
        {
            return vevent;
        }

        if (people.TryGetValue(e.OrganizerId, out var organizer))
        {
            vevent.Organizer = new Organizer($"mailto:{organizer.Email}") { CommonName = organizer.DisplayName };
        }

        foreach (var participant in e.Participants)
        {
            if (people.TryGetValue(participant.UserId, out var person))
            {
                vevent.Attendees.Add(new Attendee($"mailto:{person.Email}")
                {
                    CommonName = person.DisplayName,
                    Role = "REQ-PARTICIPANT",
                    ParticipationStatus = PartStat(e.ResponseOf(participant.UserId, recurrenceId) ?? participant.Response),
                });
            }
        }

        return vevent;
    }

    /// <summary>An instant as the event's own wall-clock time with its TZID, or its local date for all-day events.</summary>
    private static CalDateTime At(CalendarEvent e, DateTimeOffset instant)
    {
        var local = WallClock.ToLocal(instant, e.Zone);
        return e.AllDay ? new CalDateTime(DateOnly.FromDateTime(local)) : new CalDateTime(local, e.TimeZoneId);
    }

    private static string PartStat(ParticipantResponse response) => response switch
    {
        ParticipantResponse.Accepted => "ACCEPTED",
        ParticipantResponse.Tentative => "TENTATIVE",
        ParticipantResponse.Declined => "DECLINED",
        _ => "NEEDS-ACTION",
    };
}
