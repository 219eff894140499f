using OobcCalendar.Shared.Errors;

namespace OobcCalendar.Modules.Leave.Domain.Requests;

/// <summary>Where the decision of a pending request stands.</summary>
internal enum ApprovalStage
{
    /// <summary>Waiting for the person's manager (or their substitute).</summary>
    Manager,

    /// <summary>The manager approved; the second level (Admin or an HR approver) must approve too.</summary>
    SecondLevel,

    /// <summary>Decided or cancelled.</summary>
    Done,
}

/// <summary>What a person asks for.</summary>
internal sealed record LeaveApplication(Guid PersonId, Guid LeaveTypeId, LeavePeriod Period, decimal Days, string Reason, Guid? CoveringPersonId, bool NeedsSecondApproval);

/// <summary>
/// A leave request. Its held range (<see cref="LeavePeriod.HeldFrom"/> to <see cref="LeavePeriod.HeldUntil"/>, wall-clock
/// half days) is covered by an exclusion constraint per person while pending or approved, so two overlapping requests of
/// one person cannot both stand, however they race. Every transition records who and when.
/// </summary>
internal sealed class LeaveRequest
{
    private LeaveRequest()
    {
    }

    public Guid Id { get; private set; }

    public Guid PersonId { get; private set; }

    public Guid LeaveTypeId { get; private set; }

    public DateOnly FirstDay { get; private set; }

    public DateOnly LastDay { get; private set; }

    public DayPart FirstDayPart { get; private set; }

    public DayPart LastDayPart { get; private set; }

    public DateTime HeldFrom { get; private set; }

    public DateTime HeldUntil { get; private set; }

    /// <summary>Working days it costs, counted when filed.</summary>
    public decimal Days { get; private set; }

    public string Reason { get; private set; } = string.Empty;

    public Guid? CoveringPersonId { get; private set; }

    public LeaveRequestStatus Status { get; private set; }

    public ApprovalStage Stage { get; private set; }

    public bool NeedsSecondApproval { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid? FirstApprovedBy { get; private set; }

    public DateTimeOffset? FirstApprovedAt { get; private set; }

    public Guid? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecisionReason { get; private set; }

    public Guid? CancelledBy { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    /// <summary>When the requester asked their approver to cancel leave that had started (the approver confirms or declines).</summary>
    public DateTimeOffset? CancelAskedAt { get; private set; }

    public string? CancelAskReason { get; private set; }

    public Guid? CancelDeclinedBy { get; private set; }

    public DateTimeOffset? CancelDeclinedAt { get; private set; }

    /// <summary>An ask to cancel waits for the approver.</summary>
    public bool CancelAskOpen => Status == LeaveRequestStatus.Approved && CancelAskedAt is not null && CancelDeclinedAt is null;

    /// <summary>PostgreSQL xmin: two approvers deciding at once cannot both win.</summary>
    public uint Version { get; private set; }

    public LeavePeriod Period => new(FirstDay, LastDay, FirstDayPart, LastDayPart);

    public bool HoldsDays => Status is LeaveRequestStatus.Pending or LeaveRequestStatus.Approved;

    public static LeaveRequest Submit(Guid id, LeaveApplication application, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(application);
        var period = application.Period;
        return new LeaveRequest
        {
            Id = id,
            PersonId = application.PersonId,
            LeaveTypeId = application.LeaveTypeId,
            FirstDay = period.First,
            LastDay = period.Last,
            FirstDayPart = period.FirstPart,
            LastDayPart = period.LastPart,
            HeldFrom = period.HeldFrom,
            HeldUntil = period.HeldUntil,
            Days = application.Days,
            Reason = application.Reason.Trim(),
            CoveringPersonId = application.CoveringPersonId,
            Status = LeaveRequestStatus.Pending,
            Stage = ApprovalStage.Manager,
            NeedsSecondApproval = application.NeedsSecondApproval,
            CreatedAt = now.ToUniversalTime(),
        };
    }

    /// <summary>
    /// Approves at the stage the request is at; true when it is now approved for good (not waiting for the second level).
    /// The second level is Admin's or an HR approver's; whoever gave the first approval cannot also give the second,
    /// unless they are Admin (ADR 0026).
    /// </summary>
    public bool Approve(Guid approverId, bool isAdmin, bool isHrApprover, DateTimeOffset now)
    {
        EnsurePending("approved");
        EnsureNotOwn(approverId);
        if (Stage == ApprovalStage.SecondLevel && !isAdmin)
        {
            if (!isHrApprover)
            {
                throw new ForbiddenException("This request waits for the second approval level (Admin or an HR approver).");
            }

            if (approverId == FirstApprovedBy)
            {
                throw new ForbiddenException("You gave this request its first approval: the second level must come from another HR approver or Admin.");
            }
        }

        if (Stage == ApprovalStage.Manager && NeedsSecondApproval && !isAdmin)
        {
            Stage = ApprovalStage.SecondLevel;
            FirstApprovedBy = approverId;
            FirstApprovedAt = now.ToUniversalTime();
            return false;
        }

        if (Stage == ApprovalStage.Manager)
        {
            FirstApprovedBy = approverId;
            FirstApprovedAt = now.ToUniversalTime();
        }

        Status = LeaveRequestStatus.Approved;
        Stage = ApprovalStage.Done;
        DecidedBy = approverId;
        DecidedAt = now.ToUniversalTime();
        return true;
    }

    public void Reject(Guid approverId, string reason, DateTimeOffset now)
    {
        EnsurePending("rejected");
        EnsureNotOwn(approverId);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new BusinessRuleException("Give the requester a reason for the rejection.");
        }

        Status = LeaveRequestStatus.Rejected;
        Stage = ApprovalStage.Done;
        DecidedBy = approverId;
        DecidedAt = now.ToUniversalTime();
        DecisionReason = reason.Trim();
    }

    /// <summary>
    /// The requester cancels a pending request, or an approved one before its first day; once it has started only an
    /// approver (or Admin) may cancel it, which ends it from today.
    /// </summary>
    public void Cancel(Guid userId, bool isApprover, DateOnly today, DateTimeOffset now)
    {
        if (userId != PersonId && !isApprover)
        {
            throw new ForbiddenException("Only the requester or their approver can cancel this leave.");
        }

        if (!HoldsDays)
        {
            throw new BusinessRuleException($"This request is already {Status.ToString().ToLowerInvariant()}.");
        }

        if (Status == LeaveRequestStatus.Approved && LastDay < today)
        {
            throw new BusinessRuleException("This leave is over; it can no longer be cancelled.");
        }

        if (Status == LeaveRequestStatus.Approved && FirstDay <= today && !isApprover)
        {
            throw new BusinessRuleException("This leave has already started: use \"Ask to cancel\" so your approver can end it.");
        }

        Status = LeaveRequestStatus.Cancelled;
        Stage = ApprovalStage.Done;
        CancelledBy = userId;
        CancelledAt = now.ToUniversalTime();
    }

    /// <summary>The requester asks their approver to end leave that has started (once; the approver confirms or declines).</summary>
    public void AskToCancel(Guid userId, string reason, DateOnly today, DateTimeOffset now)
    {
        if (userId != PersonId)
        {
            throw new ForbiddenException("Only the person on leave can ask to cancel it.");
        }

        if (Status != LeaveRequestStatus.Approved || FirstDay > today || LastDay < today)
        {
            throw new BusinessRuleException("Only approved leave that is under way needs asking: cancel it yourself before it starts.");
        }

        if (CancelAskedAt is not null)
        {
            throw new ConflictException(CancelDeclinedAt is null
                ? "You already asked to cancel this leave; your approver has not answered yet."
                : "Your approver declined to cancel this leave; talk to them.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new BusinessRuleException("Tell your approver why you want to cancel.");
        }

        CancelAskedAt = now.ToUniversalTime();
        CancelAskReason = reason.Trim();
    }

    /// <summary>The approver declines the ask to cancel: the leave stands.</summary>
    public void DeclineCancel(Guid approverId, DateTimeOffset now)
    {
        EnsureNotOwn(approverId);
        if (!CancelAskOpen)
        {
            throw new ConflictException("There is no open ask to cancel this leave.");
        }

        CancelDeclinedBy = approverId;
        CancelDeclinedAt = now.ToUniversalTime();
    }

    private void EnsurePending(string verb)
    {
        if (Status != LeaveRequestStatus.Pending)
        {
            throw new ConflictException($"This request was already {Status.ToString().ToLowerInvariant()}, so it cannot be {verb}.");
        }
    }

    private void EnsureNotOwn(Guid approverId)
    {
        if (approverId == PersonId)
        {
            throw new ForbiddenException("Nobody approves or rejects their own leave.");
        }
    }
}
