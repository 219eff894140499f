using OobcCalendar.Shared.IntegrationEvents;

namespace OobcCalendar.Modules.Scheduling.Contracts;

/// <summary>
/// The facts of an event (or of a series, when <see cref="RecurrenceRule"/> is set) a consumer needs to remind,
/// invite or take attendance without asking Scheduling back. Instants are UTC; <see cref="TimeZoneId"/> is the
/// zone the event was planned in (and its series expands in).
/// </summary>
public sealed record EventSnapshot(
    Guid EventId,
    string Title,
    string? Location,
    Guid OrganizerId,
    IReadOnlyList<Guid> ParticipantIds,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc,
    string TimeZoneId,
    bool AllDay,
    string? RecurrenceRule,
    IReadOnlyList<DateTimeOffset> ExceptionDatesUtc,
    string Visibility,
    IReadOnlyList<int>? ReminderMinutes)
{
    /// <summary>
    /// The event's category (meeting, training...), or null when it has none. Added after the first release, so an event
    /// written before it reads as null; names come from <see cref="ListEventCategories"/>.
    /// </summary>
    public Guid? CategoryId { get; init; }
}

/// <summary>A new event or series was put in the calendar (also the new half of a split series, with <see cref="SplitFromEventId"/>).</summary>
public sealed record EventScheduledIntegrationEvent(EventSnapshot Event, Guid? SplitFromEventId) : IntegrationEvent;

/// <summary>
/// Times changed. <see cref="RecurrenceIdUtc"/> names the one occurrence moved (its original start), or is null when
/// the event or whole series moved; <see cref="Event"/> is the state after the change.
/// </summary>
public sealed record EventRescheduledIntegrationEvent(
    EventSnapshot Event,
    DateTimeOffset? RecurrenceIdUtc,
    DateTimeOffset OldStartUtc,
    DateTimeOffset OldEndUtc,
    DateTimeOffset NewStartUtc,
    DateTimeOffset NewEndUtc) : IntegrationEvent;

/// <summary>Details other than times changed (title, place, participants...). <see cref="RecurrenceIdUtc"/> as in <see cref="EventRescheduledIntegrationEvent"/>.</summary>
public sealed record EventUpdatedIntegrationEvent(
    EventSnapshot Event,
    DateTimeOffset? RecurrenceIdUtc,
    IReadOnlyList<Guid> AddedParticipantIds,
    IReadOnlyList<Guid> RemovedParticipantIds) : IntegrationEvent;

/// <summary>
/// Cancelled: one occurrence (<see cref="RecurrenceIdUtc"/>), the occurrences from <see cref="FromUtc"/> on, or,
/// when both are null, the whole event or series.
/// </summary>
public sealed record EventCancelledIntegrationEvent(EventSnapshot Event, DateTimeOffset? RecurrenceIdUtc, DateTimeOffset? FromUtc) : IntegrationEvent;

/// <summary>
/// A participant accepted, answered tentatively or declined: for the whole series, or, when
/// <see cref="RecurrenceIdUtc"/> is set, for that one occurrence only.
/// </summary>
public sealed record ParticipantRespondedIntegrationEvent(
    Guid CalendarEventId,
    string Title,
    Guid OrganizerId,
    Guid ParticipantId,
    string Response,
    DateTimeOffset RespondedAt,
    DateTimeOffset? RecurrenceIdUtc = null) : IntegrationEvent;
