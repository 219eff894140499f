using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Shared.Tests.Support;
using OobcCalendar.TestHost;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace OobcCalendar.Shared.Tests;

/// <summary>
/// The poll interval is 30 s here, so every delivery within the test timeouts was woken by the NOTIFY that
/// SaveChanges sends on the outbox channel (the dispatcher's only other trigger is that poll).
/// </summary>
public sealed class OutboxDeliveryFixture() : ProbeHostFixture("outbox", new Dictionary<string, string?>
{
    ["Outbox:PollInterval"] = "00:00:30",
});

public sealed class OutboxDeliveryTests(OutboxDeliveryFixture fixture, ITestOutputHelper output) : IClassFixture<OutboxDeliveryFixture>
{
    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    [Theory]
    [InlineData("rolled back")]
    [InlineData("SaveChanges never called")]
    [InlineData("SaveChanges throws")]
    public async Task Publish_WhenTheChangeDoesNotCommit_ThenNoOutboxRowAndNoConsumerEverSeesIt(string how)
    {
        var lost = new ProbeHappened(1) { OccurredAt = Now };
        var noteId = $"note-{Guid.NewGuid():N}";
        switch (how)
        {
            case "rolled back":
                await using (var db = fixture.Probe.NewContext())
                {
                    await using var transaction = await db.Database.BeginTransactionAsync();
                    db.Notes.Add(new ProbeNote { Id = noteId, Text = "rolled back" });
                    db.Publish(lost);
                    await db.SaveChangesAsync();
                    (await db.OutboxMessages.CountAsync(m => m.Id == lost.EventId)).ShouldBe(1, "the row exists inside the transaction");
                    await transaction.RollbackAsync();
                }

                break;

            case "SaveChanges never called":
                await using (var db = fixture.Probe.NewContext())
                {
                    db.Notes.Add(new ProbeNote { Id = noteId, Text = "never saved" });
                    db.Publish(lost);
                }

                break;

            case "SaveChanges throws":
                await using (var first = fixture.Probe.NewContext())
                {
                    first.Notes.Add(new ProbeNote { Id = noteId, Text = "first" });
                    await first.SaveChangesAsync();
                }

                await using (var db = fixture.Probe.NewContext())
                {
                    db.Notes.Add(new ProbeNote { Id = noteId, Text = "duplicate key" });
                    db.Publish(lost);
                    await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
                }

                break;

            default:
                throw new ArgumentOutOfRangeException(nameof(how));
        }

        // A committed event published afterwards is delivered: the dispatcher has looked since.
        var sentinel = new ProbeHappened(2) { OccurredAt = Now };
        await fixture.Database.PublishAsync(sentinel);
        await fixture.WaitUntilProcessedAsync(sentinel.EventId);
        (await fixture.Database.AppliedCountAsync(sentinel.EventId)).ShouldBe(1);

        (await fixture.Database.OutboxRowAsync(lost.EventId)).ShouldBeNull();
        (await fixture.Database.AppliedCountAsync(lost.EventId)).ShouldBe(0);
        fixture.Probe.Behaviour.AttemptsOf(lost.EventId).ShouldBeEmpty();
        var notes = await fixture.Database.ScalarAsync("SELECT count(*) FROM probe.notes WHERE id = @id AND text <> 'first'", ("id", noteId));
        notes.ShouldBe(0, "the state change did not commit either");
    }

    [Fact]
    public async Task Publish_WhenTheTransactionCommitsLater_ThenTheEventIsDeliveredOnlyAfterTheCommit()
    {
        var held = new ProbeHappened(10) { OccurredAt = Now };
        await using var db = fixture.Probe.NewContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Publish(held);
        await db.SaveChangesAsync();

        // While the row is uncommitted, a later committed event goes through and the held one does not.
        var sentinel = new ProbeHappened(11) { OccurredAt = Now };
        await fixture.Database.PublishAsync(sentinel);
        await fixture.WaitUntilProcessedAsync(sentinel.EventId);
        fixture.Probe.Behaviour.AttemptsOf(held.EventId).ShouldBeEmpty();
        (await fixture.Database.AppliedCountAsync(held.EventId)).ShouldBe(0);

        var watch = Stopwatch.StartNew();
        await transaction.CommitAsync();
        await fixture.WaitUntilProcessedAsync(held.EventId, TimeSpan.FromSeconds(5));
        watch.Stop();

        (await fixture.Database.AppliedCountAsync(held.EventId)).ShouldBe(1);
        var row = (await fixture.Database.OutboxRowAsync(held.EventId)).ShouldNotBeNull();
        row.Attempts.ShouldBe(1);
        row.LastError.ShouldBeNull();
        Measurements.Record(output, "outbox commit -> applied and marked (in-process, woken by NOTIFY, poll 30 s)", $"{watch.Elapsed.TotalMilliseconds:0} ms");
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Dispatch_WhenManyEventsAreCommittedAtOnce_ThenEachIsAppliedExactlyOnce()
    {
        const int count = 500;
        var events = Enumerable.Range(0, count).Select(i => new ProbeHappened(1000 + i) { OccurredAt = Now }).ToArray();
        var watch = Stopwatch.StartNew();
        await fixture.Database.PublishAsync(events);
        var ids = events.Select(e => e.EventId).ToArray();
        await Eventually.UntilAsync(
            async () => await fixture.Database.ScalarAsync(
                "SELECT count(*) FROM probe.outbox_messages WHERE id = ANY(@ids) AND processed_at IS NOT NULL", ("ids", ids)) == count,
            TimeSpan.FromSeconds(30),
            $"{count} events processed",
            () => Task.FromResult(fixture.Probe.Log.ToString()));
        watch.Stop();

        var applied = await fixture.Database.AppliedPerEventAsync();
        ids.Select(id => applied.GetValueOrDefault(id)).ShouldAllBe(n => n == 1);
        Measurements.Record(output, "outbox dispatch rate (in-process, one host, 500 events, batch 50)", $"{count / watch.Elapsed.TotalSeconds:0} events/s ({watch.Elapsed.TotalMilliseconds:0} ms)");
    }

    [Fact]
    public void Publish_WhenOccurredAtIsNotSet_ThenItIsRefused()
    {
        using var db = fixture.Probe.NewContext();
        Should.Throw<ArgumentException>(() => db.Publish(new ProbeHappened(99)));
    }
}
