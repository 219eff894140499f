using Npgsql;
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
    public async Task RecurringJob_WhenTwoHostsRunOnOneDatabase_ThenEachScheduledFireTimeRunsExactlyOnce()
    {
        // Both start at once, racing to migrate, to create the Quartz tables and to declare the trigger.
        var nodeA = Node("node-a", "0/1 * * * * ?");
        var nodeB = Node("node-b", "0/1 * * * * ?");
        await WaitReadyAsync(nodeA);
        await WaitReadyAsync(nodeB);
        var bothStarted = await ScalarAsync<DateTimeOffset>("SELECT now()");

        await Eventually.UntilAsync(
            async () => await ScalarAsync<long>("SELECT count(*) FROM quartz.qrtz_scheduler_state") == 2,
            TimeSpan.FromSeconds(10),
            "two scheduler instances checked in to the cluster");
        const int firings = 8;
        await Eventually.UntilAsync(
            async () => await CountAsync("SELECT count(DISTINCT scheduled_fire_time) FROM probe.job_firings WHERE scheduled_fire_time > @t", bothStarted) >= firings,
            TimeSpan.FromSeconds(25),
            $"{firings} fire times after both hosts started",
            Transcripts);

        nodeA.HasExited.ShouldBeFalse(nodeA.Transcript());
        nodeB.HasExited.ShouldBeFalse(nodeB.Transcript());
        var total = await CountAsync("SELECT count(*) FROM probe.job_firings WHERE scheduled_fire_time > @t", bothStarted);
        var distinct = await CountAsync("SELECT count(DISTINCT scheduled_fire_time) FROM probe.job_firings WHERE scheduled_fire_time > @t", bothStarted);
        var byA = await CountAsync("SELECT count(*) FROM probe.job_firings WHERE scheduled_fire_time > @t AND instance = 'node-a'", bothStarted);
        var duringStartup = await CountAsync("SELECT count(*) - count(DISTINCT scheduled_fire_time) FROM probe.job_firings WHERE scheduled_fire_time <= @t", bothStarted);
        Measurements.Record(
            output,
            "quartz cluster (2 processes, cron every 1 s)",
            $"after both started: {total} firings of {distinct} scheduled times, node-a ran {byA}, node-b ran {total - byA}; "
            + $"repeated fire times while the second host was still starting (re-declaring the trigger): {duringStartup}");

        total.ShouldBe(distinct, "a scheduled fire time ran on both hosts");
        (await CountAsync("SELECT count(DISTINCT fire_instance_id) FROM probe.job_firings WHERE scheduled_fire_time > @t", bothStarted)).ShouldBe(total);
        (await ScalarAsync<long>("SELECT count(*) FROM probe.job_firings WHERE scheduled_fire_time <> date_trunc('second', scheduled_fire_time)")).ShouldBe(0);
    }

    [Fact]
    public async Task RecurringJob_WhenEveryHostWasDownAtAFireTime_ThenTheMissedTimesStillRunAfterRestart()
    {
        const string everyTwoSeconds = "0/2 * * * * ?";
        await ProbeDatabase.MigrateAsync(connectionString);
        var first = Node("first", everyTwoSeconds, migrate: false);
        await WaitReadyAsync(first);
        await Eventually.UntilAsync(
            async () => await ScalarAsync<long>("SELECT count(*) FROM probe.job_firings") >= 2,
            TimeSpan.FromSeconds(15),
            "two firings before the outage",
            Transcripts);
        first.Kill();
        var lastBefore = await ScalarAsync<DateTimeOffset>("SELECT max(scheduled_fire_time) FROM probe.job_firings");

        // Nobody runs while at least two more fire times pass.
        await Eventually.UntilAsync(
            async () => await ScalarAsync<DateTimeOffset>("SELECT now()") > lastBefore.AddSeconds(4.5),
            TimeSpan.FromSeconds(10),
            "two fire times passing during the outage");
        (await ScalarAsync<DateTimeOffset>("SELECT max(scheduled_fire_time) FROM probe.job_firings")).ShouldBe(lastBefore);

        var second = Node("second", everyTwoSeconds, migrate: false);
        await WaitReadyAsync(second);
        var restartedAt = await ScalarAsync<DateTimeOffset>("SELECT now()");

        // Misfire threshold is Quartz's default 60 s: within it, a missed time is fired late rather than skipped.
        // Late firings run in parallel and commit in any order, so wait for an unbroken series past the restart.
        var times = new List<DateTimeOffset>();
        await Eventually.UntilAsync(
            async () =>
            {
                times = await ScheduledTimesAsync();
                return times[^1] > restartedAt && IsEveryTwoSeconds(times);
            },
            TimeSpan.FromSeconds(20),
            "an unbroken series of fire times every 2 s, from before the outage to after the restart",
            async () => $"fire times: {Show(times)}{Environment.NewLine}{await Transcripts()}");

        var missed = times.Where(t => t > lastBefore && t <= restartedAt).ToArray();
        Measurements.Record(
            output,
            "quartz outage (cron every 2 s, every host down)",
            $"last time before the outage {lastBefore:HH:mm:ss}, restarted host ready {restartedAt:HH:mm:ss.f}, times run late after the restart: {Show(missed)}");
        missed.Length.ShouldBeGreaterThanOrEqualTo(2);
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
