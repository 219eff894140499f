using OobcCalendar.Shared.IntegrationEvents;
using OobcCalendar.Shared.Tests.Support;
using OobcCalendar.TestHost;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace OobcCalendar.Shared.Tests;

/// <summary>Retries start at 200 ms and double (plus up to 20% jitter); the fourth failure dead-letters.</summary>
public sealed class OutboxRetryFixture() : ProbeHostFixture("retry", Settings)
{
    public static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(200);
    public const int MaxAttempts = 4;

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Outbox:PollInterval"] = "00:00:00.050",
        ["Outbox:BaseRetryDelay"] = BaseDelay.ToString(),
        ["Outbox:MaxAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

public sealed class OutboxRetryTests(OutboxRetryFixture fixture, ITestOutputHelper output) : IClassFixture<OutboxRetryFixture>
{
    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    private Task WaitUntilDeadLetteredAsync(Guid id) =>
        Eventually.UntilAsync(
            async () => (await fixture.Database.OutboxRowAsync(id))?.DeadLetteredAt is not null,
            TimeSpan.FromSeconds(15),
            $"poison message {id} dead-lettered",
            async () => $"row: {await fixture.Database.OutboxRowAsync(id)}; attempts seen: {fixture.Probe.Behaviour.AttemptsOf(id).Count}");

    [Fact]
    public async Task Dispatch_WhenTheConsumerKeepsFailing_ThenRetriedWithGrowingBackoffAndDeadLetteredWithoutBlockingLaterEvents()
    {
        var poison = new ProbeHappened(0, Poison: true) { OccurredAt = Now };
        await fixture.Database.PublishAsync(poison);
        await Eventually.UntilAsync(
            async () => (await fixture.Database.OutboxRowAsync(poison.EventId))?.Attempts >= 1,
            TimeSpan.FromSeconds(10),
            "first failed attempt recorded");

        // Published after the poison message failed: none of them may wait for it.
        var later = Enumerable.Range(1, 10).Select(i => new ProbeHappened(i) { OccurredAt = Now }).ToArray();
        await fixture.Database.PublishAsync(later);

        await WaitUntilDeadLetteredAsync(poison.EventId);
        foreach (var e in later)
        {
            await fixture.WaitUntilProcessedAsync(e.EventId);
        }

        var row = (await fixture.Database.OutboxRowAsync(poison.EventId)).ShouldNotBeNull();
        row.Attempts.ShouldBe(OutboxRetryFixture.MaxAttempts);
        row.ProcessedAt.ShouldBeNull();
        row.LastError.ShouldNotBeNull().ShouldContain("refuses poison event #0");
        row.NextAttemptAt.ShouldBeGreaterThan(row.OccurredAt);
        (await fixture.Database.AppliedCountAsync(poison.EventId)).ShouldBe(0);

        // The consumer was called once per attempt, each retry no earlier than its doubled delay.
        var attempts = fixture.Probe.Behaviour.AttemptsOf(poison.EventId);
        attempts.Count.ShouldBe(OutboxRetryFixture.MaxAttempts);
        var gaps = attempts.Zip(attempts.Skip(1), (a, b) => b - a).ToArray();
        for (var i = 0; i < gaps.Length; i++)
        {
            var minimum = OutboxRetryFixture.BaseDelay * Math.Pow(2, i);
            gaps[i].ShouldBeGreaterThanOrEqualTo(minimum, $"retry {i + 1} came too early: {string.Join(", ", gaps)}");
        }

        // The row keeps the last backoff: dead-lettered at the 4th failure, with next_attempt_at = then + 200 ms * 2^3 * (1..1.2).
        var lastDelay = row.NextAttemptAt - row.DeadLetteredAt!.Value;
        lastDelay.TotalMilliseconds.ShouldBeInRange(1599, 1921);
        var shown = string.Join(", ", gaps.Select(g => $"{g.TotalMilliseconds:0} ms")) + $"; last computed delay {lastDelay.TotalMilliseconds:0} ms";
        Measurements.Record(output, "retry gaps between consumer calls (base 200 ms, x2, jitter <= 20%, poll 50 ms)", shown);

        // Every later event was applied once, and before the poison message was given up on.
        var applied = await fixture.Database.AppliedPerEventAsync();
        later.ShouldAllBe(e => applied.GetValueOrDefault(e.EventId) == 1);
        var lastLaterApplied = DateTimeOffset.FromUnixTimeMilliseconds(await fixture.Database.ScalarAsync(
            "SELECT (extract(epoch FROM max(applied_at)) * 1000)::bigint FROM probe.applied WHERE event_id = ANY(@ids)",
            ("ids", later.Select(e => e.EventId).ToArray())));
        lastLaterApplied.ShouldBeLessThan(row.DeadLetteredAt!.Value);

        var deadLetters = await fixture.Probe.Administration.DeadLettersAsync(CancellationToken.None);
        var deadLetter = deadLetters.Where(d => d.Id == poison.EventId).ShouldHaveSingleItem();
        deadLetter.Schema.ShouldBe(ProbeDbContext.SchemaName);
        deadLetter.Attempts.ShouldBe(OutboxRetryFixture.MaxAttempts);
        deadLetter.LastError.ShouldNotBeNull().ShouldContain("refuses poison event #0");
        deadLetter.Type.ShouldBe(IntegrationEventTypes.NameOf(typeof(ProbeHappened)));
    }

    [Fact]
    public async Task RetryAsync_WhenADeadLetterIsRetriedAfterTheConsumerIsFixed_ThenItIsDeliveredOnce()
    {
        var poison = new ProbeHappened(100, Poison: true) { OccurredAt = Now };
        await fixture.Database.PublishAsync(poison);
        await WaitUntilDeadLetteredAsync(poison.EventId);
        var admin = fixture.Probe.Administration;
        (await admin.StatusAsync(CancellationToken.None)).ShouldHaveSingleItem().DeadLettered.ShouldBeGreaterThanOrEqualTo(1);

        (await admin.RetryAsync("no_such_schema", poison.EventId, CancellationToken.None)).ShouldBeFalse();
        (await admin.RetryAsync(ProbeDbContext.SchemaName, Guid.NewGuid(), CancellationToken.None)).ShouldBeFalse();
        fixture.Probe.Behaviour.AttemptsOf(poison.EventId).Count.ShouldBe(OutboxRetryFixture.MaxAttempts, "a dead letter is not retried by itself");

        fixture.Probe.Behaviour.Heal(poison.EventId);
        (await admin.RetryAsync(ProbeDbContext.SchemaName, poison.EventId, CancellationToken.None)).ShouldBeTrue();
        await fixture.WaitUntilProcessedAsync(poison.EventId);

        (await fixture.Database.AppliedCountAsync(poison.EventId)).ShouldBe(1);
        var row = (await fixture.Database.OutboxRowAsync(poison.EventId)).ShouldNotBeNull();
        row.DeadLetteredAt.ShouldBeNull();
        row.LastError.ShouldBeNull();
        row.Attempts.ShouldBe(1, "the retry starts a fresh attempt count");
        (await admin.DeadLettersAsync(CancellationToken.None)).ShouldNotContain(d => d.Id == poison.EventId);
        (await admin.RetryAsync(ProbeDbContext.SchemaName, poison.EventId, CancellationToken.None)).ShouldBeFalse("it is no longer dead-lettered");
    }
}
