using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Scheduling.Persistence;
using OobcCalendar.Shared.Recurrence;
using OobcCalendar.Shared.Users;
using OobcCalendar.Shared.Time;

namespace OobcCalendar.Modules.Scheduling.Features.Ics;

/// <summary>What importing an uploaded .ics file would add to the signed-in user's calendar, and what it would skip and why. Changes nothing.</summary>
internal sealed record PreviewIcsImport(byte[] Content, string FileName) : IQuery<IcsPreview>;

/// <summary>The preview of an import. It can go ahead when nothing blocks it and at least one event would be added.</summary>
internal sealed record IcsPreview(
    string FileName,
    IReadOnlyList<IcsPreviewEvent> Events,
    IReadOnlyList<string> Zones,
    IReadOnlyList<IcsSkippedItem> Skipped,
    IReadOnlyList<IcsSkippedItem> Blocking)
{
    public int SeriesCount => Events.Count(e => e.RuleSummary is not null);

    public bool CanImport => Blocking.Count == 0 && Events.Count > 0;
}

/// <summary>One event or series the import would add (the first occurrence's times).</summary>
internal sealed record IcsPreviewEvent(
    string Title,
    DateTimeOffset Start,
    DateTimeOffset End,
    bool AllDay,
    string TimeZoneId,
    string? Location,
    string? RuleSummary,
    int ChangedOccurrences,
    int DeletedOccurrences,
    string? Note);

internal sealed class PreviewIcsImportHandler(
    IDbContextFactory<SchedulingDbContext> contexts,
    ICurrentUser currentUser,
    IUserDirectory directory,
    TimeProvider clock) : IQueryHandler<PreviewIcsImport, IcsPreview>
{
    public async ValueTask<IcsPreview> Handle(PreviewIcsImport query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var importer = await IcsImporters.CurrentAsync(currentUser, directory, cancellationToken);
        var plan = await IcsImportPlanner.PlanAsync(db, query.Content, query.FileName, importer, clock.GetUtcNow(), cancellationToken);
        var events = plan.Events.Select(p =>
        {
            var e = p.Event;
            var firstDay = DateOnly.FromDateTime(WallClock.ToLocal(e.StartUtc, e.Zone));
            return new IcsPreviewEvent(
                e.Title, e.StartUtc, e.EndUtc, e.AllDay, e.TimeZoneId, e.Location,
                e.RecurrenceRule is { } rule ? RecurrenceText.Describe(rule, e.TimeZoneId, firstDay) : null,
                p.ChangedOccurrences, p.DeletedOccurrences, p.Note);
        }).ToList();
        var zones = events.Select(e => e.TimeZoneId).Distinct().Order(StringComparer.Ordinal).ToList();
        return new IcsPreview(query.FileName, events, zones, plan.Skipped, plan.Blocking);
    }
}

/// <summary>The signed-in user as an importer.</summary>
internal static class IcsImporters
{
    public static async Task<IcsImporter> CurrentAsync(ICurrentUser user, IUserDirectory directory, CancellationToken cancellationToken)
    {
        user.EnsureOfficeMember("import calendars");
        var me = await directory.FindAsync(user.Id, cancellationToken);
        return new IcsImporter(user.Id, me?.OrganisationUnitId, user.TimeZoneId);
    }
}
