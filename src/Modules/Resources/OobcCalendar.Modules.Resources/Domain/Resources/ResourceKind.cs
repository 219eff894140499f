namespace OobcCalendar.Modules.Resources.Domain.Resources;

/// <summary>What sort of thing can be booked.</summary>
internal enum ResourceKind
{
    Room,
    Vehicle,
    Equipment,
}
