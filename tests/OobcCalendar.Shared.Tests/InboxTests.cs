using OobcCalendar.Shared.Tests.Support;
using OobcCalendar.TestHost;
using Shouldly;
using Xunit;

namespace OobcCalendar.Shared.Tests;

public sealed class InboxFixture() : ProbeHostFixture("inbox", new Dictionary<string, string?>());

public sealed class InboxTests(InboxFixture fixture) : IClassFixture<InboxFixture>
{
    private const string Consumer = "tests.inbox";

    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    [Fact]
    public async Task Dispatch_WhenTheSameEventIsDeliveredAgain_ThenItIsAppliedOnce()
    {
        var e = new ProbeHappened(1) { OccurredAt = Now };
        await fixture.Database.PublishAsync(e);
        await fixture.WaitUntilProcessedAsync(e.EventId);

        // As if the host died after the consumer committed but before the outbox row was marked.
        await fixture.Database.ScalarAsync(
            "WITH u AS (UPDATE probe.outbox_messages SET processed_at = NULL WHERE id = @id RETURNING 1) SELECT count(*) FROM u", ("id", e.EventId));
        await Eventually.UntilAsync(
            async () => (await fixture.Database.OutboxRowAsync(e.EventId)) is { ProcessedAt: not null, Attempts: 2 },
            TimeSpan.FromSeconds(10),
            "second delivery marked");

        fixture.Probe.Behaviour.AttemptsOf(e.EventId).Count.ShouldBe(2, "the consumer really was called twice");
        (await fixture.Database.AppliedCountAsync(e.EventId)).ShouldBe(1);
        (await fixture.Database.ScalarAsync("SELECT count(*) FROM probe.inbox_messages WHERE event_id = @id", ("id", e.EventId))).ShouldBe(1);
    }

    [Fact]
    public async Task RunOnceAsync_WhenTwoDeliveriesOfOneEventRace_ThenOnlyOneApplies()
    {
        var eventId = Guid.NewGuid();
        var firstIsApplying = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        await using var first = fixture.Probe.NewContext();
        await using var second = fixture.Probe.NewContext();
        var firstRun = first.RunOnceAsync(eventId, Consumer, async _ =>
        {
            first.Applied.Add(new AppliedEvent { EventId = eventId, Number = 1, Instance = "first", AppliedAt = Now });
            firstIsApplying.SetResult();
            await releaseFirst.Task;
        }, CancellationToken.None);
        await firstIsApplying.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var secondRun = second.RunOnceAsync(eventId, Consumer, _ =>
        {
            second.Applied.Add(new AppliedEvent { EventId = eventId, Number = 2, Instance = "second", AppliedAt = Now });
            return Task.CompletedTask;
        }, CancellationToken.None);

        // The second delivery must be blocked on the first one's uncommitted inbox key, not racing past it.
        await Eventually.UntilAsync(
            async () => await fixture.Database.ScalarAsync(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%inbox_messages%'") == 1,
            TimeSpan.FromSeconds(10),
            "second delivery waiting on the inbox key");
        secondRun.IsCompleted.ShouldBeFalse();

        releaseFirst.SetResult();
        (await firstRun).ShouldBeTrue();
        (await secondRun).ShouldBeFalse();

        (await fixture.Database.AppliedCountAsync(eventId)).ShouldBe(1);
        (await fixture.Database.ScalarAsync("SELECT count(*) FROM probe.applied WHERE event_id = @id AND instance = 'first'", ("id", eventId))).ShouldBe(1);
    }

    [Fact]
    public async Task RunOnceAsync_WhenApplyFails_ThenNothingIsRecordedAndTheNextDeliveryApplies()
    {
        var eventId = Guid.NewGuid();
        await using (var db = fixture.Probe.NewContext())
        {
            await Should.ThrowAsync<InvalidOperationException>(() => db.RunOnceAsync(eventId, Consumer, _ =>
            {
                db.Applied.Add(new AppliedEvent { EventId = eventId, Number = 1, Instance = "failing", AppliedAt = Now });
                throw new InvalidOperationException("consumer bug");
            }, CancellationToken.None));
        }

        (await fixture.Database.ScalarAsync("SELECT count(*) FROM probe.inbox_messages WHERE event_id = @id", ("id", eventId))).ShouldBe(0);
        (await fixture.Database.AppliedCountAsync(eventId)).ShouldBe(0);

        await using (var db = fixture.Probe.NewContext())
        {
            (await db.RunOnceAsync(eventId, Consumer, _ =>
            {
                db.Applied.Add(new AppliedEvent { EventId = eventId, Number = 1, Instance = "retry", AppliedAt = Now });
                return Task.CompletedTask;
            }, CancellationToken.None)).ShouldBeTrue();
        }

        await using (var db = fixture.Probe.NewContext())
        {
            var calledAgain = false;
            (await db.RunOnceAsync(eventId, Consumer, _ =>
            {
                calledAgain = true;
                return Task.CompletedTask;
            }, CancellationToken.None)).ShouldBeFalse();
            calledAgain.ShouldBeFalse();
        }

        (await fixture.Database.AppliedCountAsync(eventId)).ShouldBe(1);
    }

    [Fact]
    public async Task RunOnceAsync_WhenAnotherConsumerAppliedTheEvent_ThenThisConsumerStillApplies()
    {
        var eventId = Guid.NewGuid();
        await using var db = fixture.Probe.NewContext();
        (await db.RunOnceAsync(eventId, "tests.other", _ => Task.CompletedTask, CancellationToken.None)).ShouldBeTrue();
        (await db.RunOnceAsync(eventId, Consumer, _ => Task.CompletedTask, CancellationToken.None)).ShouldBeTrue();
        (await db.RunOnceAsync(eventId, Consumer, _ => Task.CompletedTask, CancellationToken.None)).ShouldBeFalse();
    }
}
