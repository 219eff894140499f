using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Resources.Domain.Bookings;
using OobcCalendar.Modules.Resources.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Resources.Features.Bookings;

/// <summary>The requester, an approver of the resource or an Admin cancels a pending or approved booking that has not ended.</summary>
internal sealed record CancelBooking(Guid BookingId) : ICommand;

internal sealed class CancelBookingHandler(IDbContextFactory<ResourcesDbContext> contexts, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<CancelBooking>
{
    public async ValueTask<Unit> Handle(CancelBooking command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var booking = await db.Bookings.FirstOrDefaultAsync(b => b.Id == command.BookingId, cancellationToken) ?? throw new NotFoundException("That booking no longer exists.");
        var resource = await db.Resources.AsNoTracking().FirstAsync(r => r.Id == booking.ResourceId, cancellationToken);
        var wasApproved = booking.Status == BookingStatus.Approved;
        booking.Cancel(currentUser.Id, resource.CanBeApprovedBy(currentUser.Id, currentUser.IsInRole(Roles.Manager), currentUser.IsInRole(Roles.Admin)), now);
        BookingNotices.Cancelled(db, booking, resource, wasApproved, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("This booking changed a moment ago (decided or cancelled by someone else). Reload and try again.");
        }

        return Unit.Value;
    }
}
