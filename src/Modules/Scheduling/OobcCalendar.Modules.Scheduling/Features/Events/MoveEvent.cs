using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Scheduling.Features.Events;

/// <summary>Drag or resize on the calendar: new times for an event, one occurrence, the following ones or the series.</summary>
internal sealed record MoveEvent(Guid EventId, DateTimeOffset? RecurrenceId, EditScope Scope, DateTimeOffset NewStart, DateTimeOffset NewEnd, bool AllDay) : ICommand<Guid>;

internal sealed class MoveEventHandler(
    IDbContextFactory<SchedulingDbContext> contexts,
    ICurrentUser currentUser,
    TimeProvider clock) : ICommandHandler<MoveEvent, Guid>
{
    public async ValueTask<Guid> Handle(MoveEvent command, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var e = await EventAccess.LoadForChangeAsync(db, command.EventId, currentUser, cancellationToken);
        // Only a one-occurrence move keeps that occurrence's own title and place; moving the following ones or the
        // series must not copy them onto every occurrence.
        var current = command.Scope == EditScope.Occurrence && command.RecurrenceId is { } rid && e.IsRecurring ? e.OccurrenceAt(rid).Override : null;
        var draft = new EventDraft(
            current?.Title ?? e.Title,
            current?.Description ?? e.Description,
            current?.Location ?? e.Location,
            command.NewStart,
            command.NewEnd,
            e.TimeZoneId,
            command.AllDay,
            e.CategoryId,
            e.Visibility,
            e.Participants.Select(p => p.UserId).ToList(),
            e.ReminderMinutes,
            e.RecurrenceRule);
        return await EventChanges.ApplyAsync(db, e, command.RecurrenceId, command.Scope, draft, clock, cancellationToken);
    }
}
