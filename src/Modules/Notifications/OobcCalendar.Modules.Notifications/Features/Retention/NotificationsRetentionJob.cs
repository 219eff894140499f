using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using OobcCalendar.Modules.Notifications.Persistence;
using Quartz;

namespace OobcCalendar.Modules.Notifications.Features.Retention;

/// <summary>
/// Daily at 03:20 office time: removes what nobody needs any more, so the tables the sender, the sweeps and the Admin
/// Mail page read stay the size of recent weeks: e-mail rows Sent or Skipped longer than <c>Notifications:KeepMailFor</c>
/// ago, counted from when it was sent (a row queued long ago but sent yesterday stays; dead letters and anything not finished stay), bell lines read longer than <c>KeepReadInAppFor</c> ago, digest
/// claims of periods older than <c>KeepMailFor</c>, and reminder rows of occurrences that started over a day ago (only
/// rows of occurrences yet to start stop a reminder from being planned twice). Deletes in batches of
/// <see cref="BatchSize"/> rows, so no statement holds locks for long however much has piled up.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class NotificationsRetentionJob(
    IDbContextFactory<NotificationsDbContext> contexts,
    IOptions<NotificationsOptions> options,
    TimeProvider clock,
    ILogger<NotificationsRetentionJob> logger) : IJob
{
    public const string Name = "notifications.retention";

    /// <summary>03:20 every day.</summary>
    public const string Cron = "0 20 3 * * ?";

    /// <summary>Rows deleted per statement.</summary>
    public const int BatchSize = 5_000;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var result = await RunAsync(cancellationToken);
        logger.LogInformation(
            "Notifications retention: {Mail} e-mails, {InApp} bell lines, {Digests} digest claims, {Reminders} reminder rows removed",
            result.Mail, result.InApp, result.Digests, result.Reminders);
    }

    public async Task<RetentionResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var settings = options.Value;
        // A day at least, whatever is configured: a digest claim or a sent row younger than that still stops a repeat.
        var mailBefore = (now - Max(settings.KeepMailFor, TimeSpan.FromDays(1))).ToUniversalTime();
        var readBefore = (now - Max(settings.KeepReadInAppFor, TimeSpan.FromDays(1))).ToUniversalTime();
        var mail = await DeleteAsync(
            "DELETE FROM notifications.outgoing_messages WHERE id IN (SELECT id FROM notifications.outgoing_messages WHERE status IN ('Sent', 'Skipped') AND COALESCE(sent_at, created_at) < @before LIMIT @batch)",
            mailBefore,
            cancellationToken);
        var inApp = await DeleteAsync(
            "DELETE FROM notifications.in_app_notifications WHERE id IN (SELECT id FROM notifications.in_app_notifications WHERE read_at < @before LIMIT @batch)",
            readBefore,
            cancellationToken);
        var digests = await DeleteAsync(
            "DELETE FROM notifications.digest_runs WHERE ctid IN (SELECT ctid FROM notifications.digest_runs WHERE handled_at < @before LIMIT @batch)",
            mailBefore,
            cancellationToken);
        var reminders = await DeleteAsync(
            "DELETE FROM notifications.due_reminders WHERE id IN (SELECT id FROM notifications.due_reminders WHERE status <> 'Pending' AND starts_at_utc < @before LIMIT @batch)",
            (now - TimeSpan.FromDays(1)).ToUniversalTime(),
            cancellationToken);
        return new RetentionResult(mail, inApp, digests, reminders);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private async Task<int> DeleteAsync(string sql, DateTimeOffset before, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var deleted = await db.Database.ExecuteSqlRawAsync(
                sql,
                [new NpgsqlParameter("before", before), new NpgsqlParameter("batch", BatchSize)],
                cancellationToken);
            total += deleted;
            if (deleted < BatchSize)
            {
                return total;
            }
        }
    }
}

/// <summary>What one retention run removed.</summary>
internal sealed record RetentionResult(int Mail, int InApp, int Digests, int Reminders);
