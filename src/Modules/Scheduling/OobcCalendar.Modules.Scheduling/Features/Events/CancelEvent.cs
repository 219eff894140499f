using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Features.OccurrenceIndex;
using OobcCalendar.Modules.Scheduling.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Scheduling.Features.Events;

/// <summary>The organizer cancels an event, one occurrence (EXDATE), this and following (series ends), or the whole series.</summary>
internal sealed record CancelEvent(Guid EventId, DateTimeOffset? RecurrenceId, EditScope Scope) : ICommand;

internal sealed class CancelEventHandler(
    IDbContextFactory<SchedulingDbContext> contexts,
    ICurrentUser currentUser,
    TimeProvider clock) : ICommandHandler<CancelEvent>
{
    public async ValueTask<Unit> Handle(CancelEvent command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var e = await EventAccess.LoadForChangeAsync(db, command.EventId, currentUser, cancellationToken);
        var scope = e.IsRecurring && command.RecurrenceId is not null ? command.Scope : EditScope.Series;
        var firstOccurrence = scope == EditScope.Following && e.IsFirstOccurrence(command.RecurrenceId!.Value);
        if (scope == EditScope.Series || firstOccurrence)
        {
            e.Cancel(currentUser.Id, now);
            EventNotices.Cancelled(db, e, null, null, now);
        }
        else if (scope == EditScope.Occurrence)
        {
            var occurrence = e.OccurrenceAt(command.RecurrenceId!.Value);
            e.ExcludeOccurrence(occurrence.RecurrenceId, currentUser.Id, now);
            EventNotices.Cancelled(db, e, e.IsCancelled ? null : occurrence.RecurrenceId, null, now);
        }
        else
        {
            e.OccurrenceAt(command.RecurrenceId!.Value);
            e.EndBefore(command.RecurrenceId!.Value, currentUser.Id, now);
            EventNotices.Cancelled(db, e, null, e.IsCancelled ? null : command.RecurrenceId!.Value.ToUniversalTime(), now);
        }

        await OccurrenceIndexWriter.SaveAsync(db, [e], now, cancellationToken);
        return Unit.Value;
    }
}
