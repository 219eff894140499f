using OobcCalendar.Shared.IntegrationEvents;

namespace OobcCalendar.Modules.Attendance.Contracts;

/// <summary>
/// Someone was checked in to one occurrence of an event: an expected person or someone else signed in
/// (<see cref="PersonId"/>), or a walk-in added at the desk or the door (<see cref="WalkInId"/>, <see cref="WalkInName"/>).
/// <see cref="OccurrenceStartUtc"/> names the occurrence (its original start, as Scheduling's RECURRENCE-ID).
/// </summary>
public sealed record AttendeeCheckedInIntegrationEvent(
    Guid ListId,
    Guid CalendarEventId,
    DateTimeOffset OccurrenceStartUtc,
    Guid CheckInId,
    Guid? PersonId,
    Guid? WalkInId,
    string? WalkInName,
    bool Expected,
    DateTimeOffset CheckedInAt,
    string Desk,
    string Method) : IntegrationEvent;

/// <summary>A desk took back a check-in (a wrong person tapped); the person counts as not arrived again.</summary>
public sealed record CheckInUndoneIntegrationEvent(
    Guid ListId,
    Guid CalendarEventId,
    DateTimeOffset OccurrenceStartUtc,
    Guid CheckInId,
    Guid? PersonId,
    Guid? WalkInId,
    Guid UndoneBy,
    DateTimeOffset UndoneAt) : IntegrationEvent;

/// <summary>
/// The organizer (or Admin) closed attendance for one occurrence: no more check-ins. Counts as at closing:
/// <see cref="Expected"/> people, <see cref="ExpectedCheckedIn"/> of them arrived, <see cref="OthersCheckedIn"/>
/// signed-in people who were not expected, <see cref="WalkIns"/> guests. Resources may release a room nobody came to.
/// </summary>
public sealed record AttendanceClosedIntegrationEvent(
    Guid ListId,
    Guid CalendarEventId,
    DateTimeOffset OccurrenceStartUtc,
    int Expected,
    int ExpectedCheckedIn,
    int OthersCheckedIn,
    int WalkIns,
    DateTimeOffset ClosedAt) : IntegrationEvent;
