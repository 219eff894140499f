using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Modules.Resources.Domain.Bookings;
using OobcCalendar.Modules.Resources.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Resources.Features.Bookings;

/// <summary>Answers the digest's question with the approvals dashboard's rule (<see cref="BookingQueries.ResourcesApprovedByAsync"/>).</summary>
internal sealed class CountBookingsAwaitingDecisionHandler(IDbContextFactory<ResourcesDbContext> contexts, IUserDirectory directory)
    : IQueryHandler<CountBookingsAwaitingDecision, int>
{
    public async ValueTask<int> Handle(CountBookingsAwaitingDecision query, CancellationToken cancellationToken)
    {
        if (await directory.FindAsync(query.ApproverId, cancellationToken) is not { IsActive: true } approver)
        {
            return 0;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var resources = await BookingQueries.ResourcesApprovedByAsync(
            db, approver.Id, approver.Roles.Contains(Roles.Admin), approver.Roles.Contains(Roles.Manager), cancellationToken);
        return resources.Count == 0
            ? 0
            : await db.Bookings.CountAsync(b => b.Status == BookingStatus.Pending && resources.Contains(b.ResourceId), cancellationToken);
    }
}
