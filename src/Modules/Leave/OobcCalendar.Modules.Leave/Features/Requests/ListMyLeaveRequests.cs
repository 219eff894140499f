using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Leave.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave.Features.Requests;

/// <summary>The signed-in user's own leave requests, newest first day first, in every status (<paramref name="FromDay"/> on, when given).</summary>
internal sealed record ListMyLeaveRequests(DateOnly? FromDay = null) : IQuery<IReadOnlyList<MyLeaveRequest>>;

/// <summary>
/// One of my requests with where it stands and who decided. <paramref name="CancelAsk"/>: "Asked" while an ask to cancel
/// leave under way waits for the approver, "Declined" once they declined it, else null.
/// </summary>
internal sealed record MyLeaveRequest(
    Guid RequestId,
    Guid LeaveTypeId,
    string LeaveTypeName,
    string Colour,
    DateOnly FirstDay,
    DateOnly LastDay,
    string FirstDayPart,
    string LastDayPart,
    decimal Days,
    string Reason,
    string Status,
    string Stage,
    Guid? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? DecisionReason,
    DateTimeOffset FiledAt,
    string? CancelAsk = null);

internal sealed class ListMyLeaveRequestsHandler(IDbContextFactory<LeaveDbContext> contexts, ICurrentUser currentUser)
    : IQueryHandler<ListMyLeaveRequests, IReadOnlyList<MyLeaveRequest>>
{
    public async ValueTask<IReadOnlyList<MyLeaveRequest>> Handle(ListMyLeaveRequests query, CancellationToken cancellationToken)
    {
        currentUser.EnsureOfficeMember("see leave");
        var me = currentUser.Id;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Requests.AsNoTracking()
            .Where(r => r.PersonId == me && (query.FromDay == null || r.LastDay >= query.FromDay))
            .OrderByDescending(r => r.FirstDay).ThenByDescending(r => r.CreatedAt)
            .Join(db.LeaveTypes, r => r.LeaveTypeId, t => t.Id, (r, t) => new { Request = r, t.Settings.Name, t.Settings.Colour })
            .Take(500)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(x => new MyLeaveRequest(
            x.Request.Id, x.Request.LeaveTypeId, x.Name, x.Colour, x.Request.FirstDay, x.Request.LastDay, x.Request.FirstDayPart.ToString(), x.Request.LastDayPart.ToString(),
            x.Request.Days, x.Request.Reason, x.Request.Status.ToString(), x.Request.Stage.ToString(), x.Request.DecidedBy, x.Request.DecidedAt, x.Request.DecisionReason, x.Request.CreatedAt,
            x.Request.CancelAskedAt is null ? null : x.Request.CancelDeclinedAt is null ? "Asked" : "Declined"))];
    }
}
