namespace OobcCalendar.Shared.Modules;

/// <summary>
/// Something a module adds to an event's details (Scheduling's event dialog), e.g. Attendance's "Take attendance" button,
/// without Scheduling knowing the module (ADR 0029). The dialog renders every enabled module's extensions in
/// <see cref="Order"/> with <c>DynamicComponent</c>, passing the occurrence shown as the component's
/// <c>[Parameter] EventOccurrenceRef Occurrence</c>. The component decides for itself (through its own module's queries)
/// whether the signed-in user sees anything, and renders nothing otherwise.
/// </summary>
/// <param name="Key">Stable identifier, e.g. "attendance.take"; also the wrapper's <c>data-extension</c> attribute.</param>
/// <param name="Component">A component with a <c>[Parameter] public EventOccurrenceRef Occurrence { get; set; }</c>.</param>
/// <param name="Order">Position among the extensions (lower first).</param>
public sealed record EventDetailsExtension(string Key, Type Component, int Order = 100)
{
    /// <summary>Name of the parameter the component receives the occurrence in.</summary>
    public const string OccurrenceParameter = "Occurrence";
}

/// <summary>
/// One occurrence of an event as other modules key it: the event's id and the occurrence's original start in UTC (a
/// series' RECURRENCE-ID; a single event's start).
/// </summary>
/// <param name="EventId">Scheduling's event id.</param>
/// <param name="OccurrenceStartUtc">The occurrence's key: original start (UTC).</param>
/// <param name="IsSeries">Whether the event repeats.</param>
public sealed record EventOccurrenceRef(Guid EventId, DateTimeOffset OccurrenceStartUtc, bool IsSeries);
