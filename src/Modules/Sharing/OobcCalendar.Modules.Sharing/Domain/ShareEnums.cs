namespace OobcCalendar.Modules.Sharing.Domain;

/// <summary>Whose calendar a link shows.</summary>
internal enum ShareScope
{
    /// <summary>The creator's own calendar.</summary>
    MyCalendar = 0,

    /// <summary>Everyone in one organisation unit (its Managers, or an Admin).</summary>
    Unit = 1,

    /// <summary>One resource's approved bookings.</summary>
    Resource = 2,

    /// <summary>The whole office (Admin only).</summary>
    Office = 3,
}

/// <summary>Which modules' entries a link shows.</summary>
[Flags]
internal enum ShareModules
{
    None = 0,
    Events = 1,
    Bookings = 2,
    Leave = 4,
    Holidays = 8,
    All = Events | Bookings | Leave | Holidays,
}

/// <summary>How much of each entry a link shows. Participants, emails and private notes are never shown.</summary>
internal enum ShareDetailLevel
{
    /// <summary>Times alone, every entry "Busy".</summary>
    BusyOnly = 0,

    /// <summary>Title and time.</summary>
    Titles = 1,

    /// <summary>Title, time, location and public description.</summary>
    Details = 2,
}
