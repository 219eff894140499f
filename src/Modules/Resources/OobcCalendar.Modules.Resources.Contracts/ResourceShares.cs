using Mediator;

namespace OobcCalendar.Modules.Resources.Contracts;

/// <summary>
/// The active resources the signed-in user manages: every one for an Admin; for a Manager, those whose requests they
/// may decide (named as an approver, or any Manager when the resource names none). Sharing lets exactly these people
/// share a resource's bookings.
/// </summary>
public sealed record ListManagedResources : IQuery<IReadOnlyList<ManagedResource>>;

/// <summary>A resource someone manages.</summary>
/// <param name="ResourceId">The resource.</param>
/// <param name="Name">Its name, e.g. "Conference Room A".</param>
/// <param name="Kind">"Room", "Vehicle" or "Equipment".</param>
public sealed record ManagedResource(Guid ResourceId, string Name, string Kind);

/// <summary>
/// The approved bookings of one resource overlapping [<paramref name="StartUtc"/>, <paramref name="EndUtc"/>), for a
/// share link of that resource. No user is asked for: Sharing checked who may share it when the link was made.
/// </summary>
public sealed record GetResourceBookings(Guid ResourceId, DateTimeOffset StartUtc, DateTimeOffset EndUtc) : IQuery<IReadOnlyList<CalendarBooking>>;
