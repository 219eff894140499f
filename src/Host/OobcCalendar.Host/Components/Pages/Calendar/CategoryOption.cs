namespace OobcCalendar.Host.Components.Pages.Calendar;

/// <summary>An event category as the filters show it.</summary>
public sealed record CategoryOption(Guid Id, string Name, string Colour);
