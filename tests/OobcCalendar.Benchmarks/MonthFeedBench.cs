using System.Diagnostics;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Features.Calendar;
using OobcCalendar.Modules.Scheduling.Features.OccurrenceIndex;
using OobcCalendar.Modules.Scheduling.Persistence;
using OobcCalendar.Shared.Users;
using OobcCalendar.Testing;

namespace OobcCalendar.Benchmarks;

/// <summary>
/// The month query (issue 4): 10,000 events and 1,000 series across 200 users, then one user's month through the
/// occurrence index (GetCalendarFeed, as the page asks it) against naive per-request Ical.Net expansion of the same
/// window. Prints "name: value" lines.
/// </summary>
internal static class MonthFeedBench
{
    private const int Users = 200;
    private const int SingleEvents = 10_000;
    private const int Series = 1_000;
    private const int Concurrency = 20;
    private const int Samples = 200;

    /// <summary>
    /// How long before today series may have begun (OOBC_BENCH_SERIES_AGE_DAYS, default 120). Naive expansion walks
    /// every series from its first occurrence; the index does not, so older series widen the gap.
    /// </summary>
    private static readonly int SeriesAgeDays = int.TryParse(Environment.GetEnvironmentVariable("OOBC_BENCH_SERIES_AGE_DAYS"), out var days) ? days : 120;

    public static async Task RunAsync()
    {
        var user = new TestCurrentUser();
        await using var app = new OobcAppFactory(
            await PostgresServer.CreateDatabaseAsync("bench_calendar"),
            new Dictionary<string, string?>
            {
                ["Scheduler:Enabled"] = "false",
                ["Outbox:DispatcherEnabled"] = "false",
                ["Seed:Demo"] = "false",
                ["Logging:LogLevel:Default"] = "Error",
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "None",
                // OOBC_BENCH_SQL=1 prints the SQL sent (to EXPLAIN it by hand).
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = Environment.GetEnvironmentVariable("OOBC_BENCH_SQL") == "1" ? "Information" : "None",
            },
            s => s.AddScoped<ICurrentUser>(_ => user));
        app.Start();
        var users = Enumerable.Range(0, Users).Select(_ => Guid.CreateVersion7()).ToList();
        var now = DateTimeOffset.UtcNow;
        var seedClock = Stopwatch.StartNew();
        await SeedAsync(app.Services, users, now);
        Console.WriteLine($"calendar_series_age_days: {SeriesAgeDays}");
        Console.WriteLine($"calendar_seed_s: {seedClock.Elapsed.TotalSeconds:F1}");

        var me = users[7];
        user.ActAs(me, [Roles.Staff]);
        var zone = OfficeTime.Zone(OfficeTime.DefaultTimeZoneId);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var monthStart = new DateTimeOffset(local.Year, local.Month, 1, 0, 0, 0, zone.BaseUtcOffset).AddMonths(1);
        var window = new GetCalendarFeed(monthStart.AddDays(-7), monthStart.AddMonths(1).AddDays(7), CalendarScope.Mine);
        // The figures the issue names: one person's own month (the calendar's default scope).
        await CompareAsync(app.Services, window, me, "month_feed", "naive_month", "naive_over_indexed_ratio", measureStatements: true);
        // The same month under "everything I may see": every non-private event of the office, where expanding on
        // request means expanding every visible series.
        await CompareAsync(app.Services, window with { Scope = CalendarScope.All }, me, "everyone_month_feed", "naive_everyone_month", "naive_over_indexed_everyone_ratio", measureStatements: false);
    }

    /// <summary>Measures <paramref name="query"/> through the index against naive expansion and prints both.</summary>
    private static async Task CompareAsync(IServiceProvider services, GetCalendarFeed query, Guid me, string indexedName, string naiveName, string ratioName, bool measureStatements)
    {
        async Task<int> Indexed()
        {
            await using var scope = services.CreateAsyncScope();
            return (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query)).Count;
        }

        async Task<int> Naive()
        {
            // What the index replaces: load the visible events that may reach the window and expand every series
            // with Ical.Net on each request.
            await using var scope = services.CreateAsyncScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SchedulingDbContext>>().CreateDbContextAsync();
            var visible = query.Scope == CalendarScope.Mine
                ? db.Events.Where(e => e.MemberIds.Contains(me))
                : db.Events.Where(e => e.MemberIds.Contains(me) || e.Visibility != EventVisibility.Private);
            var events = await visible.AsNoTracking().Where(e => e.StartUtc < query.End && (e.SeriesEndUtc == null || e.SeriesEndUtc > query.Start)).ToListAsync();
            return events.Sum(e => e.Occurrences(query.Start, query.End).Count);
        }

        var indexedCount = await Indexed();
        var naiveCount = await Naive();
        if (indexedCount != naiveCount)
        {
            throw new InvalidOperationException($"Indexed answer has {indexedCount} occurrences, naive {naiveCount}: the index is wrong.");
        }

        Console.WriteLine($"{indexedName}_items: {indexedCount}");
        if (measureStatements)
        {
            Console.WriteLine($"{indexedName}_statements: {await CountStatementsAsync(Indexed)}");
        }

        var indexed = await MeasureAsync(Indexed, Concurrency);
        var naive = await MeasureAsync(Naive, Concurrency);
        Console.WriteLine($"{indexedName}_p50_ms: {Stats.Percentile(indexed, 0.5):F1}");
        Console.WriteLine($"{indexedName}_p95_ms: {Stats.Percentile(indexed, 0.95):F1}");
        Console.WriteLine($"{naiveName}_p50_ms: {Stats.Percentile(naive, 0.5):F1}");
        Console.WriteLine($"{naiveName}_p95_ms: {Stats.Percentile(naive, 0.95):F1}");
        Console.WriteLine($"{ratioName}: {Stats.Percentile(naive, 0.95) / Stats.Percentile(indexed, 0.95):F1}");
    }

    /// <summary>Rounds of <paramref name="concurrency"/> simultaneous requests after a warm-up; returns each request's milliseconds.</summary>
    private static async Task<List<double>> MeasureAsync(Func<Task<int>> request, int concurrency)
    {
        // Warm-up at the measured concurrency, so every pooled connection has run the statements often enough to have
        // them prepared (Npgsql auto-prepare, then PostgreSQL's generic plan): the steady state of a running server.
        for (var i = 0; i < 10; i++)
        {
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(request)));
        }

        var latencies = new List<double>();
        for (var round = 0; round < Samples / concurrency; round++)
        {
            var timings = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
            {
                var watch = Stopwatch.StartNew();
                await request();
                return watch.Elapsed.TotalMilliseconds;
            })));
            latencies.AddRange(timings);
        }

        return latencies;
    }

    /// <summary>SQL commands one request sends, counted from Npgsql's tracing activities.</summary>
    private static async Task<int> CountStatementsAsync(Func<Task<int>> request)
    {
        var count = 0;
        var measuring = new AsyncLocal<bool>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            // Only commands of this request's async flow, not of background services sharing the process.
            ActivityStarted = _ =>
            {
                if (measuring.Value)
                {
                    Interlocked.Increment(ref count);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        measuring.Value = true;
        await request();
        measuring.Value = false;
        return count;
    }

    private static async Task SeedAsync(IServiceProvider services, List<Guid> users, DateTimeOffset now)
    {
        var random = new Random(42);
        var rules = new[] { "FREQ=WEEKLY;BYDAY=MO", "FREQ=WEEKLY;BYDAY=TU,TH", "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", "FREQ=MONTHLY;BYDAY=1FR", "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE", "FREQ=DAILY;COUNT=30" };
        var drafts = new List<(Guid Organizer, EventDraft Draft)>();
        EventDraft Draft(string title, DateTimeOffset start, int minutes, string? rule) => new(
            title, null, "Room " + random.Next(1, 20), start, start.AddMinutes(minutes), OfficeTime.DefaultTimeZoneId, false, null, EventVisibility.Normal,
            Enumerable.Range(0, random.Next(0, 6)).Select(_ => users[random.Next(users.Count)]).Distinct().ToList(), null, rule);
        DateTimeOffset Slot(int dayFrom, int dayTo) =>
            new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(random.Next(dayFrom, dayTo)).AddHours(random.Next(0, 10)).AddMinutes(30 * random.Next(0, 2));
        for (var i = 0; i < SingleEvents; i++)
        {
            drafts.Add((users[random.Next(users.Count)], Draft($"Event {i}", Slot(-180, 180), 30 * random.Next(1, 5), null)));
        }

        for (var i = 0; i < Series; i++)
        {
            drafts.Add((users[random.Next(users.Count)], Draft($"Series {i}", Slot(-SeriesAgeDays, 30), 30 * random.Next(1, 3), rules[random.Next(rules.Length)])));
        }

        foreach (var batch in drafts.Chunk(500))
        {
            await using var scope = services.CreateAsyncScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SchedulingDbContext>>().CreateDbContextAsync();
            var created = batch.Select(d => CalendarEvent.Create(Guid.CreateVersion7(), d.Draft, d.Organizer, null, now)).ToList();
            db.Events.AddRange(created);
            await OccurrenceIndexWriter.SaveAsync(db, created, now, CancellationToken.None);
        }

        // Steady state: autovacuum would have vacuumed and analysed the freshly loaded tables by the time anyone
        // queries them (VACUUM cannot share a statement or a transaction, hence one command each).
        await using (var scope = services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SchedulingDbContext>>().CreateDbContextAsync();
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE scheduling.events");
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE scheduling.occurrences");
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE scheduling.event_participants");
        }
    }
}
