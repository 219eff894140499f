using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OobcCalendar.Modules.Notifications.Dispatching;
using OobcCalendar.Modules.Notifications.Domain.Preferences;
using OobcCalendar.Modules.Notifications.Persistence;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;
using Quartz;

namespace OobcCalendar.Modules.Notifications.Features.Digests;

/// <summary>
/// The digest job (every minute, clustered, never two at once): walks the active people of the directory in pages and,
/// for each whose digest time has come on their local date (their zone: preferences, else the directory's), composes
/// the daily digest of that date, and on a local Monday the weekly digest of that ISO week. A period is claimed in
/// <c>digest_runs</c> (one row per person and local date or week), so it is handled once across reruns, hosts and the
/// fall-back hour; "has come" is "local time ≥ digest time", so a time skipped by spring-forward fires at the first
/// minute after. Empty digests are recorded, not sent. At most <see cref="MaxPerRun"/> digests a run (ADR 0036).
/// </summary>
[DisallowConcurrentExecution]
internal sealed class DigestSweep(
    IDbContextFactory<NotificationsDbContext> contexts,
    NotificationDispatcher dispatcher,
    IUserDirectory directory,
    IServiceScopeFactory scopes,
    ModuleCatalog catalog,
    TimeProvider clock,
    ILogger<DigestSweep> logger) : IJob
{
    public const string Name = "notifications.digests";

    /// <summary>At the start of every minute.</summary>
    public const string Cron = "0 * * * * ?";

    /// <summary>People read from the directory at a time.</summary>
    public const int PageSize = 500;

    /// <summary>Digests composed per run; the rest stay due and go in the next minute's run.</summary>
    public const int MaxPerRun = 200;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var result = await RunAsync(clock.GetUtcNow(), cancellationToken);
        if (result.Sent + result.Empty > 0)
        {
            logger.LogInformation("Digests: {Sent} sent, {Empty} empty (not sent)", result.Sent, result.Empty);
        }
    }

    /// <summary>One run as of <paramref name="now"/> (tests pass instants across zones and DST days).</summary>
    public async Task<DigestSweepResult> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        int sent = 0, empty = 0;
        Guid? after = null;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // The mediator is scoped (the host's choice); one scope per run, whether Quartz gives the job a scope or not.
        await using var scope = scopes.CreateAsyncScope();
        var composer = new DigestComposer(db, scope.ServiceProvider.GetRequiredService<IMediator>(), directory, catalog);
        while (sent + empty < MaxPerRun)
        {
            var page = await directory.ListActiveAsync(after, PageSize, cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            after = page[^1].Id;
            foreach (var due in await DueAsync(db, page, now, cancellationToken))
            {
                if (sent + empty >= MaxPerRun)
                {
                    break;
                }

                if (await HandleAsync(db, composer, due, cancellationToken))
                {
                    sent++;
                }
                else
                {
                    empty++;
                }
            }

            if (page.Count < PageSize)
            {
                break;
            }
        }

        return new DigestSweepResult(sent, empty);
    }

    /// <summary>The digests of this page of people that are due and not handled yet.</summary>
    private static async Task<List<DueDigest>> DueAsync(NotificationsDbContext db, IReadOnlyList<DirectoryUser> page, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = page.Select(u => u.Id).ToList();
        var saved = await db.Preferences.AsNoTracking().Where(p => ids.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, cancellationToken);
        var candidates = new List<DueDigest>();
        foreach (var user in page)
        {
            var preferences = saved.TryGetValue(user.Id, out var p) ? p : NotificationPreferences.Defaults(user.Id);
            var zone = preferences.Zone(user.TimeZoneId);
            var local = WallClock.ToLocal(now, zone);
            if (TimeOnly.FromDateTime(local) < preferences.DailyDigestAt)
            {
                continue;
            }

            var day = DateOnly.FromDateTime(local);
            if (preferences.DailyDigest)
            {
                candidates.Add(new DueDigest(user, zone, day, Weekly: false));
            }

            if (preferences.WeeklyDigest && day.DayOfWeek == DayOfWeek.Monday)
            {
                candidates.Add(new DueDigest(user, zone, day, Weekly: true));
            }
        }

        var periods = candidates.Select(c => c.Period).Distinct().ToList();
        var done = (await db.DigestRuns.AsNoTracking()
                .Where(r => ids.Contains(r.UserId) && periods.Contains(r.Period))
                .Select(r => new { r.UserId, r.Period })
                .ToListAsync(cancellationToken))
            .Select(r => (r.UserId, r.Period)).ToHashSet();
        return [.. candidates.Where(c => !done.Contains((c.User.Id, c.Period)))];
    }

    /// <summary>Composes, claims and enqueues one digest in one transaction; false when it was empty.</summary>
    private async Task<bool> HandleAsync(NotificationsDbContext db, DigestComposer composer, DueDigest due, CancellationToken cancellationToken)
    {
        var days = due.Weekly ? 7 : 1;
        var fromUtc = WallClock.AtMidnight(due.Day, due.Zone).ToUniversalTime();
        var toUtc = WallClock.AtMidnight(due.Day.AddDays(days), due.Zone).ToUniversalTime();
        object model = due.Weekly
            ? await composer.WeeklyAsync(due.User.Id, due.Day, fromUtc, toUtc, cancellationToken)
            : await composer.DailyAsync(due.User, due.Day, fromUtc, toUtc, cancellationToken);
        var hasContent = model switch
        {
            Messages.Digests.WeeklyDigestModel w => !w.IsEmpty,
            Messages.Digests.DailyDigestModel d => !d.IsEmpty,
            _ => false,
        };

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The claim: whoever inserts the row handles the digest; a rerun or a racing host finds it and does nothing.
        var claimed = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO notifications.digest_runs (user_id, period, sent, handled_at) VALUES ({due.User.Id}, {due.Period}, {hasContent}, {now}) ON CONFLICT DO NOTHING",
            cancellationToken);
        if (claimed == 1 && hasContent)
        {
            await dispatcher.EnqueueAsync(db, Recipient.From(due.User), model, new DedupeKey(due.Period), causeEventId: null, cancellationToken: cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return claimed == 1 && hasContent;
    }

    /// <summary>One digest to handle: the person's local date (the Monday for a weekly one) and zone.</summary>
    private sealed record DueDigest(DirectoryUser User, TimeZoneInfo Zone, DateOnly Day, bool Weekly)
    {
        /// <summary>"daily:2027-03-01" or "weekly:2027-W09" (ISO week of the local Monday).</summary>
        public string Period => Weekly
            ? string.Create(CultureInfo.InvariantCulture, $"weekly:{ISOWeek.GetYear(Day.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(Day.ToDateTime(TimeOnly.MinValue)):00}")
            : string.Create(CultureInfo.InvariantCulture, $"daily:{Day:yyyy-MM-dd}");
    }
}

/// <summary>What one digest run did: digests enqueued, and digests found empty (recorded, not sent).</summary>
internal sealed record DigestSweepResult(int Sent, int Empty);
