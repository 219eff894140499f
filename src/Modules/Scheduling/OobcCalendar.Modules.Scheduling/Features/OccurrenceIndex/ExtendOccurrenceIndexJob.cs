using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Persistence;
using Quartz;

namespace OobcCalendar.Modules.Scheduling.Features.OccurrenceIndex;

/// <summary>
/// Rolls the occurrence index forward every night: occurrences of running series between the old and the new
/// horizon are added, so calendar queries stay range scans as time passes. Beyond the horizon queries expand lazily.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class ExtendOccurrenceIndexJob(
    IDbContextFactory<SchedulingDbContext> contexts,
    TimeProvider clock,
    ILogger<ExtendOccurrenceIndexJob> logger) : IJob
{
    public const string Name = "scheduling.extend-occurrence-index";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var added = await ExtendAsync(cancellationToken);
        logger.LogInformation("Occurrence index extended by {Count} occurrences", added);
    }

    /// <summary>Moves the horizon to now + look-ahead; returns how many occurrences were added.</summary>
    public async Task<int> ExtendAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var target = now + OccurrenceIndexWriter.DefaultLookAhead;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var state = await db.IndexState.FromSqlRaw("SELECT * FROM scheduling.occurrence_index_state WHERE id = 1 FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
        if (state is null)
        {
            state = new OccurrenceIndexState { HorizonUtc = target };
            db.IndexState.Add(state);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return 0;
        }

        var from = state.HorizonUtc;
        if (target <= from)
        {
            return 0;
        }

        var added = 0;
        // Cancelled series too: the calendar shows their occurrences as cancelled, and beyond the horizon it expands
        // them so; leaving them out here made them vanish from a window the night the horizon passed it.
        var running = await db.Events.AsNoTracking()
            .Where(e => e.RecurrenceRule != null && (e.SeriesEndUtc == null || e.SeriesEndUtc > from))
            .ToListAsync(cancellationToken);
        foreach (var series in running)
        {
            var rows = OccurrenceIndexWriter.Rows(series, from, target).ToList();
            db.Occurrences.AddRange(rows);
            added += rows.Count;
        }

        state.HorizonUtc = target;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return added;
    }
}
