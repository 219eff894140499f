namespace OobcCalendar.Modules.Attendance.Domain;

/// <summary>How a check-in was made.</summary>
internal enum CheckInMethod
{
    /// <summary>The desk picked the person by name.</summary>
    Manual,

    /// <summary>The desk scanned (or typed) a personal ticket.</summary>
    Ticket,

    /// <summary>The person scanned the door code themselves.</summary>
    Door,

    /// <summary>A walk-in registered at the desk or the door.</summary>
    WalkIn,
}

/// <summary>
/// One arrival at one list: a person (<see cref="PersonId"/>) or a walk-in (<see cref="WalkInId"/>). Unique indexes on
/// (list, person) and (list, walk-in) make a second check-in impossible whatever the concurrency; undo deletes the row
/// (recorded in <see cref="CheckInUndo"/>), so the person can be checked in again.
/// </summary>
internal sealed class CheckIn
{
    private CheckIn()
    {
    }

    public CheckIn(Guid listId, Guid? personId, Guid? walkInId, bool expected, DateTimeOffset checkedInAt, DateTimeOffset recordedAt, string desk, CheckInMethod method, Guid recordedBy)
    {
        Id = Guid.CreateVersion7();
        ListId = listId;
        PersonId = personId;
        WalkInId = walkInId;
        Expected = expected;
        CheckedInAt = checkedInAt;
        RecordedAt = recordedAt;
        Desk = desk;
        Method = method;
        RecordedBy = recordedBy;
    }

    public Guid Id { get; private set; }

    public Guid ListId { get; private set; }

    public Guid? PersonId { get; private set; }

    public Guid? WalkInId { get; private set; }

    /// <summary>Whether the person was expected when checked in (a participant or the organizer).</summary>
    public bool Expected { get; private set; }

    /// <summary>When the person arrived (the scan's own time for an offline scan uploaded later).</summary>
    public DateTimeOffset CheckedInAt { get; private set; }

    /// <summary>When the server recorded it.</summary>
    public DateTimeOffset RecordedAt { get; private set; }

    public string Desk { get; private set; } = "";

    public CheckInMethod Method { get; private set; }

    /// <summary>The account that recorded it (a desk, the organizer, or the person at the door; empty for a guest).</summary>
    public Guid RecordedBy { get; private set; }

    public DateTimeOffset? CheckedOutAt { get; private set; }

    public void CheckOut(DateTimeOffset now) => CheckedOutAt ??= now;
}

/// <summary>A check-in a desk took back: who, when, and the check-in as it was.</summary>
internal sealed class CheckInUndo
{
    private CheckInUndo()
    {
    }

    public CheckInUndo(CheckIn checkIn, Guid undoneBy, DateTimeOffset undoneAt)
    {
        Id = Guid.CreateVersion7();
        ListId = checkIn.ListId;
        CheckInId = checkIn.Id;
        PersonId = checkIn.PersonId;
        WalkInId = checkIn.WalkInId;
        CheckedInAt = checkIn.CheckedInAt;
        Desk = checkIn.Desk;
        UndoneBy = undoneBy;
        UndoneAt = undoneAt;
    }

    public Guid Id { get; private set; }

    public Guid ListId { get; private set; }

    public Guid CheckInId { get; private set; }

    public Guid? PersonId { get; private set; }

    public Guid? WalkInId { get; private set; }

    public DateTimeOffset CheckedInAt { get; private set; }

    public string Desk { get; private set; } = "";

    public Guid UndoneBy { get; private set; }

    public DateTimeOffset UndoneAt { get; private set; }
}
