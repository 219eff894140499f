namespace OobcCalendar.Modules.Scheduling.Domain.Events;

/// <summary>Who sees what of an event.</summary>
internal enum EventVisibility
{
    /// <summary>Everyone who may see the calendar sees the details (read-only unless organizer).</summary>
    Normal = 0,

    /// <summary>Only the organizer and participants see it at all.</summary>
    Private = 1,

    /// <summary>Others see "Busy" at that time, without details.</summary>
    BusyOnly = 2,
}

/// <summary>A participant's answer to an invitation.</summary>
internal enum ParticipantResponse
{
    NeedsAction = 0,
    Accepted = 1,
    Tentative = 2,
    Declined = 3,
}

/// <summary>What an edit of a recurring event applies to.</summary>
internal enum EditScope
{
    /// <summary>Only the chosen occurrence (an override with RECURRENCE-ID semantics, or an EXDATE on delete).</summary>
    Occurrence = 0,

    /// <summary>The chosen occurrence and every later one (the series is split).</summary>
    Following = 1,

    /// <summary>The whole series (or the single event).</summary>
    Series = 2,
}

/// <summary>Which events the calendar shows.</summary>
internal enum CalendarScope
{
    /// <summary>Events I organise or take part in.</summary>
    Mine = 0,

    /// <summary>Mine plus those organised in my organisation unit.</summary>
    Unit = 1,

    /// <summary>Everything I may see.</summary>
    All = 2,
}
