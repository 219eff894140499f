using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Modules.Resources.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Resources.Features.Bookings;

/// <summary>The requester puts a rejected or cancelled request away: it leaves their upcoming list (it stays in "past and closed").</summary>
internal sealed record DismissBooking(Guid BookingId) : ICommand;

internal sealed class DismissBookingHandler(IDbContextFactory<ResourcesDbContext> contexts, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<DismissBooking>
{
    public async ValueTask<Unit> Handle(DismissBooking command, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var booking = await db.Bookings.FirstOrDefaultAsync(b => b.Id == command.BookingId, cancellationToken) ?? throw new NotFoundException("That booking no longer exists.");
        booking.DismissByRequester(currentUser.Id, clock.GetUtcNow());
        // Only the requester's own open tabs care; nobody else's list changes.
        db.NotifyLive(new LiveUpdate(ResourcesTopics.Bookings, booking.Id.ToString(), "dismissed", [booking.RequesterId]));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("This booking changed a moment ago. Reload and try again.");
        }

        return Unit.Value;
    }
}
