using OobcCalendar.Shared.Errors;

namespace OobcCalendar.Modules.Leave.Domain.Approvers;

/// <summary>
/// A manager's time-bound substitute approver (ADR 0026): from <see cref="FromDay"/> to <see cref="ToDay"/> (office
/// days, inclusive) <see cref="SubstituteId"/> decides the leave of the manager's people as well as the manager. Ended
/// early, it keeps its row (who ended it and when) and stops counting. Two live delegations of one manager cannot
/// overlap: an exclusion constraint over the date range, as for leave itself.
/// </summary>
internal sealed class ApprovalDelegation
{
    /// <summary>The longest delegation, so a forgotten one does not outlive its reason.</summary>
    public const int MaxDays = 90;

    private ApprovalDelegation()
    {
    }

    public Guid Id { get; private set; }

    public Guid ManagerId { get; private set; }

    public Guid SubstituteId { get; private set; }

    public DateOnly FromDay { get; private set; }

    public DateOnly ToDay { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid? EndedBy { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public bool IsEnded => EndedAt is not null;

    public static ApprovalDelegation Create(Guid id, Guid managerId, Guid substituteId, DateOnly from, DateOnly to, Guid createdBy, DateOnly today, DateTimeOffset now)
    {
        if (substituteId == managerId)
        {
            throw new BusinessRuleException("A manager cannot be their own substitute: choose someone else.");
        }

        if (to < from)
        {
            throw new BusinessRuleException("The last day of the delegation comes before its first day.");
        }

        if (to < today)
        {
            throw new BusinessRuleException("That delegation would already be over: choose days from today on.");
        }

        if (to.DayNumber - from.DayNumber + 1 > MaxDays)
        {
            throw new BusinessRuleException($"A delegation lasts at most {MaxDays} days.");
        }

        return new ApprovalDelegation
        {
            Id = id,
            ManagerId = managerId,
            SubstituteId = substituteId,
            FromDay = from,
            ToDay = to,
            CreatedBy = createdBy,
            CreatedAt = now.ToUniversalTime(),
        };
    }

    /// <summary>Whether the substitute decides on <paramref name="day"/>.</summary>
    public bool Covers(DateOnly day) => !IsEnded && FromDay <= day && day <= ToDay;

    /// <summary>Ends the delegation now (or withdraws one that has not begun): the manager's people go back to the usual approvers.</summary>
    public void End(Guid userId, DateTimeOffset now)
    {
        if (IsEnded)
        {
            throw new ConflictException("This delegation was already ended.");
        }

        EndedBy = userId;
        EndedAt = now.ToUniversalTime();
    }
}
