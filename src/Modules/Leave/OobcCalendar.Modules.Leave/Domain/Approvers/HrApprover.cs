namespace OobcCalendar.Modules.Leave.Domain.Approvers;

/// <summary>
/// A person Admin named to give the second approval level alongside Admin (ADR 0026). A Leave setting: the row says who
/// named them and when; removing the setting deletes the row.
/// </summary>
internal sealed class HrApprover
{
    private HrApprover()
    {
    }

    public Guid PersonId { get; private set; }

    public Guid AddedBy { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    public static HrApprover Name(Guid personId, Guid addedBy, DateTimeOffset now) =>
        new() { PersonId = personId, AddedBy = addedBy, AddedAt = now.ToUniversalTime() };
}
