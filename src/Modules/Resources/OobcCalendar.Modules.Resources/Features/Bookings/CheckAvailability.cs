using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Resources.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Resources.Features.Bookings;

/// <summary>Asked live by the booking form: is this slot free, what is in the way, what else is free?</summary>
internal sealed record CheckAvailability(Guid ResourceId, DateTimeOffset Start, DateTimeOffset End, int? ExpectedAttendees) : IQuery<AvailabilityAnswer>;

internal sealed class CheckAvailabilityHandler(IDbContextFactory<ResourcesDbContext> contexts, TimeProvider clock, ICurrentUser currentUser) : IQueryHandler<CheckAvailability, AvailabilityAnswer>
{
    public async ValueTask<AvailabilityAnswer> Handle(CheckAvailability query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var resource = await db.Resources.AsNoTracking().FirstOrDefaultAsync(r => r.Id == query.ResourceId, cancellationToken)
            ?? throw new NotFoundException("That resource does not exist.");
        if (query.End <= query.Start)
        {
            return new AvailabilityAnswer(false, "The end must be after the start.", [], [], []);
        }

        return await Availability.AnswerAsync(db, resource, query.Start, query.End, query.ExpectedAttendees, clock.GetUtcNow(), currentUser, cancellationToken);
    }
}
