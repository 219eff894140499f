using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Leave.Contracts;
using OobcCalendar.Modules.Leave.Domain.Requests;
using OobcCalendar.Modules.Leave.Persistence;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave.Features.Requests;

/// <summary>Answers the replay query of Leave's approved requests (a read model's rebuild runs it; no user is asked for).</summary>
internal sealed class ListApprovedLeaveHandler(IDbContextFactory<LeaveDbContext> contexts) : IQueryHandler<ListApprovedLeave, IReadOnlyList<ApprovedLeave>>
{
    public async ValueTask<IReadOnlyList<ApprovedLeave>> Handle(ListApprovedLeave query, CancellationToken cancellationToken)
    {
        // Held ranges are office wall-clock times, so the instant is compared as the office's wall clock.
        var after = WallClock.ToLocal(query.EndsAfterUtc, OfficeTime.DefaultTimeZoneId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Requests.AsNoTracking()
            .Where(r => r.Status == LeaveRequestStatus.Approved && r.HeldUntil > after)
            .OrderBy(r => r.HeldFrom)
            .Join(db.LeaveTypes, r => r.LeaveTypeId, t => t.Id, (r, t) => new { Request = r, t.Settings.Code, t.Settings.IsPrivate })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(x =>
        {
            var (start, end) = LeaveNotices.Instants(x.Request);
            return new ApprovedLeave(x.Request.Id, x.Request.PersonId, x.Code, x.IsPrivate, x.Request.FirstDay, x.Request.LastDay, start, end);
        })];
    }
}
