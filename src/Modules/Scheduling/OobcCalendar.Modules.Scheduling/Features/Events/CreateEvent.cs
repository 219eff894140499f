using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Features.OccurrenceIndex;
using OobcCalendar.Modules.Scheduling.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Scheduling.Features.Events;

/// <summary>The signed-in user puts an event or a series in the calendar, as its organizer; returns its id.</summary>
internal sealed record CreateEvent(EventDraft Draft) : ICommand<Guid>;

internal sealed class CreateEventHandler(
    IDbContextFactory<SchedulingDbContext> contexts,
    ICurrentUser currentUser,
    IUserDirectory directory,
    TimeProvider clock) : ICommandHandler<CreateEvent, Guid>
{
    public async ValueTask<Guid> Handle(CreateEvent command, CancellationToken cancellationToken)
    {
        currentUser.EnsureOfficeMember("create events");
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await EventDraftChecks.EnsureReferencesExistAsync(db, directory, command.Draft, cancellationToken);
        var organizer = await directory.FindAsync(currentUser.Id, cancellationToken);
        var calendarEvent = CalendarEvent.Create(Guid.CreateVersion7(), command.Draft, currentUser.Id, organizer?.OrganisationUnitId, now);
        db.Events.Add(calendarEvent);
        EventNotices.Scheduled(db, calendarEvent, now);
        await OccurrenceIndexWriter.SaveAsync(db, [calendarEvent], now, cancellationToken);
        return calendarEvent.Id;
    }
}

/// <summary>Checks of a draft that need the database or the directory.</summary>
internal static class EventDraftChecks
{
    public static async Task EnsureReferencesExistAsync(SchedulingDbContext db, IUserDirectory directory, EventDraft draft, CancellationToken cancellationToken)
    {
        if (draft.CategoryId is { } categoryId && !await db.Categories.AnyAsync(c => c.Id == categoryId, cancellationToken))
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["CategoryId"] = ["That category does not exist any more."] });
        }

        var wanted = draft.ParticipantIds.Distinct().ToList();
        if (wanted.Count > 500)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["ParticipantIds"] = ["Invite at most 500 participants."] });
        }

        var found = await directory.GetManyAsync(wanted, cancellationToken);
        if (found.Count != wanted.Count)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["ParticipantIds"] = ["One of the participants is not in the directory."] });
        }
    }
}
