using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Scheduling.Features.Events;

/// <summary>
/// The organizer edits an event from the editor. For a series, <paramref name="RecurrenceId"/> names the occurrence
/// the editor was opened on and <paramref name="Scope"/> says whether the change is for it alone, for it and the
/// following ones, or for the whole series. Returns the id of the event that now holds the change (a new one after a split).
/// </summary>
internal sealed record UpdateEvent(Guid EventId, DateTimeOffset? RecurrenceId, EditScope Scope, EventDraft Draft) : ICommand<Guid>;

internal sealed class UpdateEventHandler(
    IDbContextFactory<SchedulingDbContext> contexts,
    ICurrentUser currentUser,
    IUserDirectory directory,
    TimeProvider clock) : ICommandHandler<UpdateEvent, Guid>
{
    public async ValueTask<Guid> Handle(UpdateEvent command, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await EventDraftChecks.EnsureReferencesExistAsync(db, directory, command.Draft, cancellationToken);
        var calendarEvent = await EventAccess.LoadForChangeAsync(db, command.EventId, currentUser, cancellationToken);
        return await EventChanges.ApplyAsync(db, calendarEvent, command.RecurrenceId, command.Scope, command.Draft, clock, cancellationToken);
    }
}
