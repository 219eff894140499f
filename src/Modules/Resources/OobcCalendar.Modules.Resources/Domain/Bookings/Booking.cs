using OobcCalendar.Modules.Resources.Domain.Resources;
using OobcCalendar.Shared.Errors;

namespace OobcCalendar.Modules.Resources.Domain.Bookings;

/// <summary>
/// A request to use a resource for a period. The blocked range (the period plus the resource's buffers)
/// of every pending or approved booking is covered by a PostgreSQL exclusion constraint, so two
/// overlapping holds on one resource cannot both commit, however they race.
/// </summary>
internal sealed class Booking
{
    private Booking()
    {
    }

    public Guid Id { get; private set; }

    public Guid ResourceId { get; private set; }

    public Guid RequesterId { get; private set; }

    public DateTimeOffset Start { get; private set; }

    public DateTimeOffset End { get; private set; }

    /// <summary>Start minus the buffer before: where the hold begins.</summary>
    public DateTimeOffset BlockedStart { get; private set; }

    /// <summary>End plus the buffer after: where the hold ends.</summary>
    public DateTimeOffset BlockedEnd { get; private set; }

    public string Purpose { get; private set; } = string.Empty;

    public int? ExpectedAttendees { get; private set; }

    /// <summary>Users attending (they see the booking on their calendar).</summary>
    public List<Guid> AttendeeIds { get; private set; } = [];

    public BookingStatus Status { get; private set; }

    /// <summary>Set when the booking is one occurrence of a recurring request.</summary>
    public Guid? SeriesId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecisionReason { get; private set; }

    public Guid? CancelledBy { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    /// <summary>When the requester put a closed request away; until then a recent decision stays on their list.</summary>
    public DateTimeOffset? DismissedByRequesterAt { get; private set; }

    /// <summary>PostgreSQL xmin: two approvers deciding at once cannot both win.</summary>
    public uint Version { get; private set; }

    public bool HoldsSlot => Status is BookingStatus.Pending or BookingStatus.Approved;

    public static Booking Request(Guid id, Resource resource, BookingRequest request, DateTimeOffset now, Guid? seriesId = null)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(request);
        resource.EnsureBookable(request.Start, request.End, request.ExpectedAttendees, now);
        // Instants are stored in UTC (timestamptz); callers may pass any offset.
        var start = request.Start.ToUniversalTime();
        var end = request.End.ToUniversalTime();
        return new Booking
        {
            Id = id,
            ResourceId = resource.Id,
            RequesterId = request.RequesterId,
            Start = start,
            End = end,
            BlockedStart = start - resource.Rules.BufferBefore,
            BlockedEnd = end + resource.Rules.BufferAfter,
            Purpose = request.Purpose.Trim(),
            ExpectedAttendees = request.ExpectedAttendees,
            AttendeeIds = request.AttendeeIds.Distinct().ToList(),
            Status = resource.RequiresApproval ? BookingStatus.Pending : BookingStatus.Approved,
            SeriesId = seriesId,
            CreatedAt = now.ToUniversalTime(),
            DecidedAt = resource.RequiresApproval ? null : now.ToUniversalTime(),
        };
    }

    public void Approve(Guid approverId, DateTimeOffset now)
    {
        EnsurePending("approved");
        Status = BookingStatus.Approved;
        DecidedBy = approverId;
        DecidedAt = now.ToUniversalTime();
    }

    public void Reject(Guid approverId, string reason, DateTimeOffset now)
    {
        EnsurePending("rejected");
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new BusinessRuleException("Give the requester a reason for the rejection.");
        }

        Status = BookingStatus.Rejected;
        DecidedBy = approverId;
        DecidedAt = now.ToUniversalTime();
        DecisionReason = reason.Trim();
    }

    public void Cancel(Guid userId, bool mayCancelOthers, DateTimeOffset now)
    {
        if (userId != RequesterId && !mayCancelOthers)
        {
            throw new ForbiddenException("Only the requester or an approver can cancel this booking.");
        }

        if (!HoldsSlot)
        {
            throw new BusinessRuleException($"This booking is already {Status.ToString().ToLowerInvariant()}.");
        }

        if (End <= now)
        {
            throw new BusinessRuleException("A booking that has already ended cannot be cancelled.");
        }

        Status = BookingStatus.Cancelled;
        CancelledBy = userId;
        CancelledAt = now.ToUniversalTime();
    }

    /// <summary>
    /// The requester hides a rejected or cancelled request from their upcoming list, having read the outcome.
    /// Only they can: it is their list, and an approver dismissing it would hide a decision unread.
    /// </summary>
    public void DismissByRequester(Guid userId, DateTimeOffset now)
    {
        if (userId != RequesterId)
        {
            throw new ForbiddenException("Only the requester can dismiss this booking from their list.");
        }

        if (HoldsSlot)
        {
            throw new BusinessRuleException("Only a rejected or cancelled booking can be dismissed; cancel it first.");
        }

        DismissedByRequesterAt ??= now.ToUniversalTime();
    }

    private void EnsurePending(string verb)
    {
        if (Status != BookingStatus.Pending)
        {
            throw new ConflictException($"This request was already {Status.ToString().ToLowerInvariant()}, so it cannot be {verb}.");
        }
    }
}

/// <summary>What a requester asks for.</summary>
internal sealed record BookingRequest(
    Guid RequesterId,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Purpose,
    int? ExpectedAttendees,
    IReadOnlyList<Guid> AttendeeIds);
