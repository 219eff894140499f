namespace OobcCalendar.Modules.Leave.Domain.People;

/// <summary>
/// What Leave knows about a person beyond the user directory: the day their leave credits start (their first day of
/// service). Null means in service before the ledger began, so every month and year counts in full.
/// </summary>
internal sealed class LeaveProfile
{
    private LeaveProfile()
    {
    }

    public Guid PersonId { get; private set; }

    public DateOnly? StartedOn { get; private set; }

    public static LeaveProfile Create(Guid personId, DateOnly? startedOn) => new() { PersonId = personId, StartedOn = startedOn };

    public void SetStartedOn(DateOnly? startedOn) => StartedOn = startedOn;
}
