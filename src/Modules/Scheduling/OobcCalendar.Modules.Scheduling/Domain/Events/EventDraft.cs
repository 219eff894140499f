namespace OobcCalendar.Modules.Scheduling.Domain.Events;

/// <summary>
/// What the editor submits for a new event or an edit. <see cref="Start"/> and <see cref="End"/> are instants (any
/// offset); for all-day events they are midnights in <see cref="TimeZoneId"/> and the end is exclusive.
/// <see cref="RecurrenceRule"/> is an RRULE value without the "RRULE:" prefix, or null for a single event.
/// <see cref="ReminderMinutes"/> null means "use each participant's own preference".
/// </summary>
internal sealed record EventDraft(
    string Title,
    string? Description,
    string? Location,
    DateTimeOffset Start,
    DateTimeOffset End,
    string TimeZoneId,
    bool AllDay,
    Guid? CategoryId,
    EventVisibility Visibility,
    IReadOnlyList<Guid> ParticipantIds,
    IReadOnlyList<int>? ReminderMinutes,
    string? RecurrenceRule);
