namespace OobcCalendar.Modules.Attendance.Features.CheckIns;

/// <summary>Whether a check-in was recorded now or had been already.</summary>
internal enum CheckInOutcome
{
    CheckedIn,
    AlreadyCheckedIn,
}

/// <summary>
/// The verdict a desk, the door page or an offline scan upload shows: who, when, at which desk, and a sentence for
/// people ("Checked in at 9:02 AM (desk 1)" / "Already checked in at 9:02 AM (desk 1)").
/// </summary>
internal sealed record CheckInResult(
    CheckInOutcome Outcome,
    Guid CheckInId,
    Guid? PersonId,
    Guid? WalkInId,
    string Name,
    bool Expected,
    DateTimeOffset CheckedInAt,
    string Desk,
    string Message);
