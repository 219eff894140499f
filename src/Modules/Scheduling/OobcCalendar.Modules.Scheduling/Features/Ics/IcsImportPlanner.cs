using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Scheduling.Persistence;
using OobcCalendar.Shared.Ics;

namespace OobcCalendar.Modules.Scheduling.Features.Ics;

/// <summary>Everything an import of a file would do: the events it would add, what it skips, and what blocks it.</summary>
internal sealed record IcsImportPlan(IReadOnlyList<PlannedImport> Events, IReadOnlyList<IcsSkippedItem> Skipped, IReadOnlyList<IcsSkippedItem> Blocking);

/// <summary>Reads a file and plans its import; the preview shows the plan, the import saves it. Nothing is saved here.</summary>
internal static class IcsImportPlanner
{
    public static async Task<IcsImportPlan> PlanAsync(
        SchedulingDbContext db, byte[] content, string fileName, IcsImporter importer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var calendar = IcsReader.Read(content, fileName);
        var skipped = new List<IcsSkippedItem>();
        skipped.AddRange(calendar.Todos.Select(t => new IcsSkippedItem($"To-do “{Name(t.Summary)}”", "To-dos (VTODO) are not imported: this calendar keeps events only.")));
        skipped.AddRange(calendar.Journals.Select(j => new IcsSkippedItem($"Note “{Name(j.Summary)}”", "Journal entries (VJOURNAL) are not imported: this calendar keeps events only.")));
        skipped.AddRange(calendar.Children
            .Where(c => c.Name is not ("VEVENT" or "VTODO" or "VJOURNAL" or "VTIMEZONE"))
            .Select(c => new IcsSkippedItem($"{c.Name} entry", "This kind of calendar entry is not supported.")));

        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Name, c => c.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var times = new IcsTimeResolver(calendar, importer.TimeZoneId);
        var series = new IcsSeriesImport(new IcsEventReading(times, categories), times, importer, now);
        // Events without a UID cannot be matched to anything: each is its own group.
        var groups = calendar.Events.GroupBy(e => string.IsNullOrWhiteSpace(e.Uid) ? Guid.NewGuid().ToString() : e.Uid.Trim()).ToList();
        var already = await IcsDuplicates.AlreadyImportedAsync(db, groups.Select(g => g.Key).ToList(), importer.Id, cancellationToken);
        var planned = new List<PlannedImport>();
        foreach (var group in groups)
        {
            var masters = group.Where(e => e.RecurrenceIdentifier is null).ToList();
            var changes = group.Where(e => e.RecurrenceIdentifier is not null).ToList();
            if (already.Contains(group.Key))
            {
                skipped.Add(new IcsSkippedItem(IcsEventReading.TitleOf(masters.FirstOrDefault() ?? changes[0]), "Already in your calendar: an event with the same UID is there (imported before, or exported from here)."));
                continue;
            }

            skipped.AddRange(masters.Skip(1).Select(m => new IcsSkippedItem(IcsEventReading.TitleOf(m), "Appears twice in the file (same UID): only the first is imported.")));
            var built = masters.Count > 0 ? [series.Build(group.Key, masters[0], changes)] : changes.Select(c => series.BuildSingle(group.Key, c));
            planned.AddRange(built.OfType<PlannedImport>());
        }

        skipped.AddRange(series.Skipped);
        return new IcsImportPlan(planned.OrderBy(p => p.Event.StartUtc).ToList(), skipped, series.Blocking);
    }

    private static string Name(string? summary) => string.IsNullOrWhiteSpace(summary) ? "(No title)" : summary.Trim();
}
