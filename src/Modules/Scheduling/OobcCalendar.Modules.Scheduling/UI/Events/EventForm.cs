using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Features.Events;
using OobcCalendar.Shared.Users;
using OobcCalendar.Shared.Time;

namespace OobcCalendar.Modules.Scheduling.UI.Events;

/// <summary>
/// What the event editor binds to: wall-clock dates and times in <see cref="TimeZoneId"/>, an inclusive last day for
/// all-day events, people rather than ids. <see cref="ToDraft"/> turns it into the instants the handlers take.
/// </summary>
internal sealed class EventForm
{
    /// <summary>Reminder choices offered, in minutes before the start.</summary>
    public static readonly IReadOnlyList<int> ReminderChoices = [5, 10, 15, 30, 60, 120, 1440, 2880, 10080];

    public string Title { get; set; } = string.Empty;

    public string? Description { get; set; }

    public string? Location { get; set; }

    public DateTime? StartDate { get; set; }

    public TimeSpan? StartTime { get; set; }

    /// <summary>Last day for all-day events (inclusive), end day otherwise.</summary>
    public DateTime? EndDate { get; set; }

    public TimeSpan? EndTime { get; set; }

    public bool AllDay { get; set; }

    public string TimeZoneId { get; set; } = OfficeTime.DefaultTimeZoneId;

    public Guid? CategoryId { get; set; }

    public EventVisibility Visibility { get; set; }

    public IReadOnlyList<DirectoryUser> Participants { get; set; } = [];

    /// <summary>Off: each participant's own reminder preference applies.</summary>
    public bool CustomReminders { get; set; }

    public IReadOnlyCollection<int> ReminderMinutes { get; set; } = [];

    public bool Repeats { get; set; }

    public string? RecurrenceRule { get; set; }

    public DateOnly? FirstDate => StartDate is { } d ? DateOnly.FromDateTime(d) : null;

    /// <summary>A new event for an empty slot of the calendar (wall-clock times in <paramref name="zoneId"/>, end exclusive).</summary>
    public static EventForm ForSlot(DateTime start, DateTime end, bool allDay, string zoneId) => new()
    {
        TimeZoneId = zoneId,
        AllDay = allDay,
        StartDate = start.Date,
        StartTime = allDay ? new TimeSpan(9, 0, 0) : start.TimeOfDay,
        EndDate = allDay ? end.Date.AddDays(-1) < start.Date ? start.Date : end.Date.AddDays(-1) : end.Date,
        EndTime = allDay ? new TimeSpan(10, 0, 0) : end.TimeOfDay,
    };

    /// <summary>The editor for an existing event (or one occurrence), shown in the event's own zone.</summary>
    public static EventForm From(EventDetails details, IReadOnlyList<DirectoryUser> participants)
    {
        var zone = OfficeTime.Zone(details.TimeZoneId);
        var start = WallClock.ToLocal(details.Start, zone);
        var end = WallClock.ToLocal(details.End, zone);
        return new EventForm
        {
            Title = details.Title,
            Description = details.Description,
            Location = details.Location,
            TimeZoneId = details.TimeZoneId,
            AllDay = details.AllDay,
            StartDate = start.Date,
            StartTime = details.AllDay ? new TimeSpan(9, 0, 0) : start.TimeOfDay,
            EndDate = details.AllDay ? end.Date.AddDays(-1) : end.Date,
            EndTime = details.AllDay ? new TimeSpan(10, 0, 0) : end.TimeOfDay,
            CategoryId = details.Category?.Id,
            Visibility = details.Visibility,
            Participants = participants,
            CustomReminders = details.ReminderMinutes is not null,
            ReminderMinutes = details.ReminderMinutes?.ToList() ?? [],
            Repeats = details.RecurrenceRule is not null,
            RecurrenceRule = details.RecurrenceRule,
        };
    }

    /// <summary>Start and end instants, or null while a date or time is missing.</summary>
    public (DateTimeOffset Start, DateTimeOffset End)? Instants()
    {
        if (StartDate is not { } startDate || EndDate is not { } endDate)
        {
            return null;
        }

        var zone = OfficeTime.Zone(TimeZoneId);
        if (AllDay)
        {
            return (WallClock.AtMidnight(DateOnly.FromDateTime(startDate), zone), WallClock.AtMidnight(DateOnly.FromDateTime(endDate).AddDays(1), zone));
        }

        if (StartTime is not { } startTime || EndTime is not { } endTime)
        {
            return null;
        }

        return (WallClock.ToInstant(startDate.Date + startTime, zone), WallClock.ToInstant(endDate.Date + endTime, zone));
    }

    /// <summary>What can be checked without the server, keyed like the server's messages.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Title))
        {
            errors["Title"] = ["Give the event a title."];
        }

        if (StartDate is null || (!AllDay && StartTime is null))
        {
            errors["Start"] = ["Choose when it starts."];
        }

        if (EndDate is null || (!AllDay && EndTime is null))
        {
            errors["End"] = ["Choose when it ends."];
        }
        else if (Instants() is { } times && times.End <= times.Start)
        {
            errors["End"] = [AllDay ? "The last day cannot be before the first." : "The end must be after the start."];
        }

        if (!OfficeTime.IsKnownZone(TimeZoneId))
        {
            errors["TimeZoneId"] = ["Choose a time zone from the list."];
        }

        if (Repeats && string.IsNullOrWhiteSpace(RecurrenceRule))
        {
            errors["Recurrence"] = ["Say how the event repeats, or switch repeating off."];
        }

        return errors;
    }

    public EventDraft ToDraft()
    {
        var (start, end) = Instants() ?? throw new InvalidOperationException("Validate the form first.");
        return new EventDraft(
            Title.Trim(),
            string.IsNullOrWhiteSpace(Description) ? null : Description.Trim(),
            string.IsNullOrWhiteSpace(Location) ? null : Location.Trim(),
            start,
            end,
            TimeZoneId,
            AllDay,
            CategoryId,
            Visibility,
            Participants.Select(p => p.Id).ToList(),
            CustomReminders ? ReminderMinutes.Order().ToList() : null,
            Repeats ? RecurrenceRule?.Trim() : null);
    }
}
