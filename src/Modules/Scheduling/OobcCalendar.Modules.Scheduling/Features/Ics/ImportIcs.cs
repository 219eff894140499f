using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Modules.Scheduling.Features.Events;
using OobcCalendar.Modules.Scheduling.Features.OccurrenceIndex;
using OobcCalendar.Modules.Scheduling.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Scheduling.Features.Ics;

/// <summary>
/// Imports every event the preview of the same file would add, in one transaction, with the signed-in user as their
/// organizer. A file that is damaged, too large, without events, or with a rule over the occurrence limit imports nothing.
/// </summary>
internal sealed record ImportIcs(byte[] Content, string FileName) : ICommand<ImportResult>;

/// <summary>What the import added: events (series count once), how many were skipped, and where the first one is.</summary>
internal sealed record ImportResult(int Imported, int Series, int Skipped, IReadOnlyList<Guid> EventIds, DateTimeOffset? FirstStart);

internal sealed class ImportIcsHandler(
    IDbContextFactory<SchedulingDbContext> contexts,
    ICurrentUser currentUser,
    IUserDirectory directory,
    TimeProvider clock) : ICommandHandler<ImportIcs, ImportResult>
{
    public async ValueTask<ImportResult> Handle(ImportIcs command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var importer = await IcsImporters.CurrentAsync(currentUser, directory, cancellationToken);
        var plan = await IcsImportPlanner.PlanAsync(db, command.Content, command.FileName, importer, now, cancellationToken);
        if (plan.Blocking.Count > 0)
        {
            var names = string.Join(", ", plan.Blocking.Take(3).Select(b => $"“{b.What}”"));
            throw new InputValidationException(new Dictionary<string, string[]>
            {
                ["File"] = [$"Nothing was imported: {names} repeat{(plan.Blocking.Count == 1 ? "s" : string.Empty)} too often. {plan.Blocking[0].Reason}"],
            });
        }

        if (plan.Events.Count == 0)
        {
            throw new BusinessRuleException("Nothing was imported: every event in the file is skipped (see the reasons in the preview).");
        }

        var events = plan.Events.Select(p => p.Event).ToList();
        db.Events.AddRange(events);
        foreach (var e in events)
        {
            db.Publish(new EventScheduledIntegrationEvent(EventNotices.Snapshot(e), null) { OccurredAt = now });
        }

        // One live notice for the batch: open calendars reload once, not once per imported event.
        db.NotifyLive(new LiveUpdate(SchedulingTopics.Events, $"import:{importer.Id}", "scheduled"));
        await OccurrenceIndexWriter.SaveAsync(db, events, now, cancellationToken);
        return new ImportResult(events.Count, events.Count(e => e.IsRecurring), plan.Skipped.Count, events.Select(e => e.Id).ToList(), events.Min(e => e.StartUtc));
    }
}
