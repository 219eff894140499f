using Mediator;

namespace OobcCalendar.Modules.Scheduling.Contracts;

/// <summary>
/// The event categories as they are now (an admin may rename one), in display order, for another module that groups
/// events by <see cref="EventSnapshot.CategoryId"/> (Attendance's trends). Anyone signed in may read them.
/// </summary>
public sealed record ListEventCategories : IQuery<IReadOnlyList<EventCategoryInfo>>;

/// <summary>One category: its id, name and CSS colour.</summary>
public sealed record EventCategoryInfo(Guid Id, string Name, string Colour);
