namespace OobcCalendar.Modules.Scheduling.Domain.Events;

/// <summary>A kind of event (meeting, training...) with the colour it shows in.</summary>
internal sealed class EventCategory
{
    public Guid Id { get; init; }

    public required string Name { get; set; }

    /// <summary>CSS colour, e.g. "#1565c0".</summary>
    public required string Colour { get; set; }

    public int Order { get; set; }
}
