namespace OobcCalendar.Modules.Leave.Domain.Requests;

/// <summary>How much of the first or last day a request takes.</summary>
internal enum DayPart
{
    /// <summary>The whole day.</summary>
    Full,

    /// <summary>The morning only (half a day).</summary>
    Morning,

    /// <summary>The afternoon only (half a day).</summary>
    Afternoon,
}
