using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;
using OobcCalendar.Shared.Tests.Support;
using OobcCalendar.Testing;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace OobcCalendar.Shared.Tests;

[Collection(ChildProcessCollection.Name)]
public sealed class SchedulerClusterTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<ChildProbe> children = [];
    private NpgsqlDataSource? database;
    private string connectionString = string.Empty;

    public async Task InitializeAsync()
    {
        // An empty database: the hosts migrate it (advisory lock) and create the Quartz tables (ProvisionSchema).
        connectionString = await PostgresServer.CreateDatabaseAsync("quartz");
        database = NpgsqlDataSource.Create(connectionString);
    }

    public async Task DisposeAsync()
    {
        foreach (var child in children)
        {
            child.Dispose();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task RecurringJob_WhenHostsRunAndRestartOnOneDatabase_ThenEachScheduledFireTimeRunsExactlyOnce()
    {
        // Two hosts start at once on an empty database, racing to migrate, to create the Quartz tables and to
        // declare the trigger. Then a third host starts and stops five times while they fire: at every start it
        // declares the trigger, which a running host has usually already acquired for its next fire time.
        var nodeA = Node("node-a", "0/1 * * * * ?");
        var nodeB = Node("node-b", "0/1 * * * * ?");
        await WaitReadyAsync(nodeA);
        await WaitReadyAsync(nodeB);
        await WaitForFiringsAsync(2);
        await Eventually.UntilAsync(
            async () => await ScalarAsync<long>("SELECT count(*) FROM quartz.qrtz_scheduler_state") == 2,
            TimeSpan.FromSeconds(10),
            "two hosts checked in to one cluster");

        for (var restart = 0; restart < 5; restart++)
        {
            await using var restarting = await InProcessProbe.StartAsync(connectionString, new Dictionary<string, string?>
            {
                ["Scheduler:Enabled"] = "true",
                ["Scheduler:CheckinInterval"] = "00:00:01",
                ["Probe:JobCron"] = "0/1 * * * * ?",
                ["Probe:Instance"] = "restarting",
            });
            var scheduler = await restarting.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            await Eventually.UntilAsync(
                async () => await scheduler.GetStatus() == SchedulerStatus.Running,
                TimeSpan.FromSeconds(20),
                "in-process scheduler running");
            var now = await ScalarAsync<DateTimeOffset>("SELECT now()");
            await Eventually.UntilAsync(
                async () => await CountAsync("SELECT count(*) FROM probe.job_firings WHERE fired_at > @t", now) >= 1,
                TimeSpan.FromSeconds(10),
                "a firing while the restarting host runs");
        }

        var afterRestarts = await ScalarAsync<DateTimeOffset>("SELECT now()");
        await Eventually.UntilAsync(
            async () => await CountAsync("SELECT count(DISTINCT scheduled_fire_time) FROM probe.job_firings WHERE scheduled_fire_time > @t", afterRestarts) >= 2,
            TimeSpan.FromSeconds(20),
            "2 fire times after the restarts",
            Transcripts);

        children.ShouldAllBe(c => !c.HasExited, "every host is still running");
        var total = await ScalarAsync<long>("SELECT count(*) FROM probe.job_firings");
        var distinct = await ScalarAsync<long>("SELECT count(DISTINCT scheduled_fire_time) FROM probe.job_firings");
        var perNode = string.Join(", ", await Task.WhenAll(new[] { "node-a", "node-b", "restarting" }.Select(async name =>
            $"{name} ran {await ScalarAsync<long>($"SELECT count(*) FROM probe.job_firings WHERE instance = '{name}'")}")));
        Measurements.Record(output, "quartz cluster (2 processes + 1 in-process host restarted 5 times, cron every 1 s)", $"{total} firings of {distinct} scheduled times; {perNode}");

        total.ShouldBe(distinct, $"a scheduled fire time ran twice: {Show(await RepeatedTimesAsync())}");
        (await ScalarAsync<long>("SELECT count(DISTINCT fire_instance_id) FROM probe.job_firings")).ShouldBe(total);
        (await ScalarAsync<long>("SELECT count(*) FROM probe.job_firings WHERE scheduled_fire_time <> date_trunc('second', scheduled_fire_time)")).ShouldBe(0);
    }

    [Fact]
    public async Task RecurringJob_WhenItsDeclaredScheduleChanges_ThenARestartedHostRunsTheNewSchedule()
    {
        await ProbeDatabase.MigrateAsync(connectionString);
        var old = Node("old", "0/2 * * * * ?", migrate: false);
        await WaitReadyAsync(old);
        await WaitForFiringsAsync(1);
        old.Kill();
        (await ScalarAsync<long>("SELECT count(*) FROM probe.job_firings WHERE extract(second FROM scheduled_fire_time)::int % 2 = 1")).ShouldBe(0);

        var changed = Node("new", "1/2 * * * * ?", migrate: false);
        await WaitReadyAsync(changed);
        (await ScalarAsync<string>("SELECT cron_expression FROM quartz.qrtz_cron_triggers")).ShouldBe("1/2 * * * * ?");
        await Eventually.UntilAsync(
            async () => await ScalarAsync<long>("SELECT count(*) FROM probe.job_firings WHERE instance = 'new' AND extract(second FROM scheduled_fire_time)::int % 2 = 1") >= 2,
            TimeSpan.FromSeconds(15),
            "two firings at odd seconds (the new schedule)",
            Transcripts);
    }

    [Fact]
    public async Task RecurringJob_WhenEveryHostWasDownAtAFireTime_ThenTheMissedTimesStillRunAfterRestart()
    {
        const string everyTwoSeconds = "0/2 * * * * ?";
        await ProbeDatabase.MigrateAsync(connectionString);
        var first = Node("first", everyTwoSeconds, migrate: false);
        await WaitReadyAsync(first);
        await WaitForFiringsAsync(2);
        first.Kill();
        var killedAt = await ScalarAsync<DateTimeOffset>("SELECT now()");
        var lastBefore = await ScalarAsync<DateTimeOffset>("SELECT max(scheduled_fire_time) FROM probe.job_firings");

        // Nobody runs while at least two more fire times pass: Quartz's own record of the next time it owes (a time
        // not yet fired, or acquired by the killed host and never fired) and the one after it lie in the past.
        // Quartz.NET stores .NET ticks (100 ns since 0001-01-01 UTC); 621355968000000000 of them is the Unix epoch.
        var outage = await Eventually.UntilAsync(
            async () => await ScalarAsync<bool>("SELECT now() >= to_timestamp((max(next_fire_time) - 621355968000000000 + 20000000) / 1e7) FROM quartz.qrtz_triggers"),
            TimeSpan.FromSeconds(30),
            "two fire times passing during the outage");
        (await ScalarAsync<DateTimeOffset>("SELECT max(scheduled_fire_time) FROM probe.job_firings")).ShouldBe(lastBefore);

        var second = Node("second", everyTwoSeconds, migrate: false);
        await WaitReadyAsync(second);
        var restartedAt = await ScalarAsync<DateTimeOffset>("SELECT now()");

        // Every fire time after the kill passed with no host running. Quartz's misfire threshold is its default
        // 60 s: within it a missed time is fired late, not skipped. (A time whose job was already executing when
        // the host was killed is not re-run: recurring jobs do not request recovery.) Late firings run in
        // parallel and commit in any order, so wait for the whole unbroken series.
        var truncated = killedAt.AddTicks(-(killedAt.Ticks % TimeSpan.TicksPerSecond));
        var firstMissed = truncated.AddSeconds(2 - (truncated.Second % 2));
        var times = new List<DateTimeOffset>();
        await Eventually.UntilAsync(
            async () =>
            {
                times = await ScheduledTimesAsync();
                var after = times.Where(t => t >= firstMissed).ToList();
                return after.Count > 0 && after[0] == firstMissed && after[^1] > restartedAt && IsEveryTwoSeconds(after);
            },
            TimeSpan.FromSeconds(20),
            $"an unbroken series of fire times every 2 s from {firstMissed:HH:mm:ss} (first time after the kill) to after the restart",
            async () => $"fire times: {Show(times)}; first host killed at {killedAt:HH:mm:ss.fff}{Environment.NewLine}{await Transcripts()}");

        var missed = times.Where(t => t > lastBefore && t <= restartedAt).ToArray();
        Measurements.Record(
            output,
            "quartz outage (cron every 2 s, every host down)",
            $"last time before the outage {lastBefore:HH:mm:ss}, killed {killedAt:HH:mm:ss.fff}, outage waited {outage.TotalSeconds:0.0} s, restarted host ready {restartedAt:HH:mm:ss.f}, times run late after the restart: {Show(missed)}");
        missed.Length.ShouldBeGreaterThanOrEqualTo(2);
        times.Distinct().Count().ShouldBe(times.Count, $"no time ran twice: {Show(times)}");
        second.HasExited.ShouldBeFalse(second.Transcript());
    }

    private static bool IsEveryTwoSeconds(List<DateTimeOffset> times) =>
        times.Zip(times.Skip(1), (a, b) => b - a).All(gap => gap == TimeSpan.FromSeconds(2));

    private static string Show(IEnumerable<DateTimeOffset> times) =>
        string.Join(", ", times.Select(t => t.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)));

    private ChildProbe Node(string name, string cron, bool migrate = true)
    {
        var child = ChildProbe.Start(connectionString, name, new Dictionary<string, string>
        {
            ["Probe:Migrate"] = migrate ? "true" : "false",
            ["Probe:JobCron"] = cron,
            ["Scheduler:CheckinInterval"] = "00:00:01",
            ["Scheduler:CheckinMisfireThreshold"] = "00:00:03",
        });
        children.Add(child);
        return child;
    }

    private Task WaitForFiringsAsync(int count) =>
        Eventually.UntilAsync(
            async () => await ScalarAsync<long>("SELECT count(*) FROM probe.job_firings") >= count,
            TimeSpan.FromSeconds(20),
            $"{count} firing(s)",
            Transcripts);

    private async Task<List<DateTimeOffset>> RepeatedTimesAsync()
    {
        var result = new List<DateTimeOffset>();
        await using var command = database!.CreateCommand("SELECT scheduled_fire_time FROM probe.job_firings GROUP BY 1 HAVING count(*) > 1 ORDER BY 1");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result.Add(reader.GetFieldValue<DateTimeOffset>(0));
        }

        return result;
    }

    private static Task WaitReadyAsync(ChildProbe child) =>
        child.WaitForLineAsync(l => l.StartsWith("READY", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "READY");

    private Task<string> Transcripts() => Task.FromResult(string.Join(Environment.NewLine, children.Select(c => c.Transcript())));

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = database!.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return reader.GetFieldValue<T>(0);
    }

    private async Task<long> CountAsync(string sql, DateTimeOffset t)
    {
        await using var command = database!.CreateCommand(sql);
        command.Parameters.AddWithValue("t", t);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<List<DateTimeOffset>> ScheduledTimesAsync()
    {
        var result = new List<DateTimeOffset>();
        await using var command = database!.CreateCommand("SELECT scheduled_fire_time FROM probe.job_firings ORDER BY scheduled_fire_time");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result.Add(reader.GetFieldValue<DateTimeOffset>(0));
        }

        return result;
    }
}
