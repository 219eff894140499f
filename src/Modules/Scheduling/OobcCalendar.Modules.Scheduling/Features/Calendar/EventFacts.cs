using System.Linq.Expressions;
using OobcCalendar.Modules.Scheduling.Domain.Events;

namespace OobcCalendar.Modules.Scheduling.Features.Calendar;

/// <summary>
/// What the calendar needs of an event for one viewer, read in SQL; combined with each of its indexed occurrences
/// into a <see cref="FeedItem"/>. Init properties, not a constructor, so EF can join on <see cref="Id"/> after the
/// projection.
/// </summary>
internal sealed class EventFacts
{
    public Guid Id { get; init; }

    public bool AllDay { get; init; }

    public required string TimeZoneId { get; init; }

    public bool Recurring { get; init; }

    public bool Cancelled { get; init; }

    public bool CanEdit { get; init; }

    public bool BusyOnly { get; init; }

    public ParticipantResponse? MyResponse { get; init; }

    public string? CategoryColour { get; init; }

    /// <summary>The projection for viewer <paramref name="me"/> (admins may edit everything).</summary>
    public static Expression<Func<CalendarEvent, EventFacts>> Of(Guid me, bool isAdmin, IQueryable<EventCategory> categories) => e => new EventFacts
    {
        Id = e.Id,
        AllDay = e.AllDay,
        TimeZoneId = e.TimeZoneId,
        Recurring = e.RecurrenceRule != null,
        Cancelled = e.CancelledAt != null,
        CanEdit = e.OrganizerId == me || isAdmin,
        BusyOnly = e.Visibility == EventVisibility.BusyOnly && !e.MemberIds.Contains(me),
        MyResponse = e.Participants.Where(p => p.UserId == me).Select(p => (ParticipantResponse?)p.Response).FirstOrDefault(),
        CategoryColour = categories.Where(c => c.Id == e.CategoryId).Select(c => c.Colour).FirstOrDefault(),
    };

    /// <summary>
    /// This event's <paramref name="occurrence"/> as the calendar shows it; <paramref name="occurrenceAnswer"/> is the
    /// viewer's answer for that occurrence alone, which wins over their series answer.
    /// </summary>
    public FeedItem Item(EventOccurrence occurrence, ParticipantResponse? occurrenceAnswer) => new(
        Id,
        occurrence.RecurrenceId,
        occurrence.StartUtc,
        occurrence.EndUtc,
        occurrence.Title,
        occurrence.Location,
        AllDay,
        TimeZoneId,
        Recurring,
        occurrence.Overridden,
        Cancelled,
        CanEdit,
        BusyOnly,
        occurrenceAnswer ?? MyResponse,
        CategoryColour);
}
