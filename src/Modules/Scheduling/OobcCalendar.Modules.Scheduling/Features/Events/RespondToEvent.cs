using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Scheduling.Features.Events;

/// <summary>
/// A participant accepts, answers tentatively or declines: for the whole series, or for the one occurrence
/// <paramref name="RecurrenceId"/> names.
/// </summary>
internal sealed record RespondToEvent(Guid EventId, ParticipantResponse Response, DateTimeOffset? RecurrenceId = null) : ICommand;

internal sealed class RespondToEventHandler(
    IDbContextFactory<SchedulingDbContext> contexts,
    ICurrentUser currentUser,
    TimeProvider clock) : ICommandHandler<RespondToEvent>
{
    public async ValueTask<Unit> Handle(RespondToEvent command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var e = await db.Events.FirstOrDefaultAsync(x => x.Id == command.EventId, cancellationToken)
            ?? throw new NotFoundException("That event does not exist any more.");
        if (e.IsCancelled)
        {
            throw new BusinessRuleException("This event is cancelled.");
        }

        var recurrenceId = e.IsRecurring ? command.RecurrenceId : null;
        e.Respond(currentUser.Id, command.Response, now, recurrenceId);
        EventNotices.Responded(db, e, currentUser.Id, command.Response, recurrenceId, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("The event changed a moment ago. Reload it and answer again.");
        }

        return Unit.Value;
    }
}
