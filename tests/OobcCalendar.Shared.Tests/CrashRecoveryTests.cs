using System.Diagnostics;
using OobcCalendar.Shared.Tests.Support;
using OobcCalendar.TestHost;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace OobcCalendar.Shared.Tests;

[Collection(ChildProcessCollection.Name)]
public sealed class CrashRecoveryTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int EventCount = 300;
    private readonly List<ChildProbe> children = [];
    private ProbeDatabase? database;

    private ProbeDatabase Database => database!;

    public async Task InitializeAsync() => database = await ProbeDatabase.CreateAsync("crash");

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
    public async Task Dispatch_WhenTheHostIsKilledMidDispatchAndRestarted_ThenEveryEventIsAppliedExactlyOnce()
    {
        var now = TimeProvider.System.GetUtcNow();
        var events = Enumerable.Range(0, EventCount).Select(i => new ProbeHappened(i) { OccurredAt = now }).ToArray();
        await Database.PublishAsync(events);

        // 15 ms inside each inbox transaction, batches of 50: the kill comes after one batch was marked, inside an
        // open consumer transaction, with events applied (inbox committed) whose outbox rows the batch never marked.
        var first = Track(await ChildProbe.StartReadyAsync(Database.ConnectionString, "first", new Dictionary<string, string> { ["Probe:DelayMs"] = "15", ["Probe:Migrate"] = "false", ["Scheduler:Enabled"] = "false" }));
        await Eventually.UntilAsync(
            async () =>
            {
                var (inbox, processed) = await ProgressAsync();
                return processed >= 50 && inbox - processed >= 5;
            },
            TimeSpan.FromSeconds(30),
            "one batch marked processed and some events of the next applied but not yet marked",
            () => Task.FromResult(first.Transcript()));
        first.Kill();

        var (inboxAtKill, processedAtKill) = await ProgressAsync();
        var appliedAtKill = await Database.ScalarAsync("SELECT count(*) FROM probe.applied");
        appliedAtKill.ShouldBe(inboxAtKill, "an application and its inbox key commit together, even under SIGKILL");
        appliedAtKill.ShouldBeLessThan(EventCount, "the kill came mid-way");
        processedAtKill.ShouldBeGreaterThanOrEqualTo(50);
        (inboxAtKill - processedAtKill).ShouldBeGreaterThan(0, "some applied events were left unmarked, so the restart must skip them via the inbox");

        // Restart as two hosts at once: they share the remaining rows (FOR UPDATE SKIP LOCKED).
        var watch = Stopwatch.StartNew();
        var second = Track(ChildProbe.Start(Database.ConnectionString, "second", Restarted));
        var third = Track(ChildProbe.Start(Database.ConnectionString, "third", Restarted));
        await second.WaitForLineAsync(l => l.StartsWith("READY", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "READY");
        await third.WaitForLineAsync(l => l.StartsWith("READY", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "READY");
        var started = watch.Elapsed;
        await Eventually.UntilAsync(
            async () => (await ProgressAsync()).Processed == EventCount,
            TimeSpan.FromSeconds(60),
            $"all {EventCount} outbox rows processed after the restart",
            () => Task.FromResult(second.Transcript() + Environment.NewLine + third.Transcript()));
        watch.Stop();

        var perEvent = await Database.AppliedPerEventAsync();
        perEvent.Count.ShouldBe(EventCount, "no event lost");
        perEvent.Where(p => p.Value != 1).ShouldBeEmpty("no event applied twice");
        events.ShouldAllBe(e => perEvent.ContainsKey(e.EventId));
        (await Database.ScalarAsync("SELECT count(*) FROM probe.applied")).ShouldBe(EventCount);
        (await Database.ScalarAsync("SELECT count(*) FROM probe.inbox_messages")).ShouldBe(EventCount);
        (await Database.ScalarAsync("SELECT count(*) FROM probe.outbox_messages WHERE dead_lettered_at IS NOT NULL OR last_error IS NOT NULL")).ShouldBe(0);
        second.HasExited.ShouldBeFalse(second.Transcript());
        third.HasExited.ShouldBeFalse(third.Transcript());

        var bySecond = await Database.ScalarAsync("SELECT count(*) FROM probe.applied WHERE instance = 'second'");
        var byThird = await Database.ScalarAsync("SELECT count(*) FROM probe.applied WHERE instance = 'third'");
        (appliedAtKill + bySecond + byThird).ShouldBe(EventCount);
        Measurements.Record(
            output,
            "crash test (300 events, SIGKILL mid-dispatch, restart as two hosts, no consumer delay after restart)",
            $"applied before kill {appliedAtKill}, marked processed before kill {processedAtKill}, applied-but-unmarked at kill {inboxAtKill - processedAtKill}; "
            + $"after restart: second host applied {bySecond}, third host applied {byThird}, both READY {started.TotalSeconds:0.0} s after restart, all done {watch.Elapsed.TotalSeconds:0.0} s after restart; duplicates 0, lost 0");
    }

    private static readonly Dictionary<string, string> Restarted = new() { ["Probe:Migrate"] = "false", ["Scheduler:Enabled"] = "false" };

    private ChildProbe Track(ChildProbe child)
    {
        children.Add(child);
        return child;
    }

    private async Task<(long Inbox, long Processed)> ProgressAsync()
    {
        await using var command = Database.DataSource.CreateCommand(
            "SELECT (SELECT count(*) FROM probe.inbox_messages), (SELECT count(*) FROM probe.outbox_messages WHERE processed_at IS NOT NULL)");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
