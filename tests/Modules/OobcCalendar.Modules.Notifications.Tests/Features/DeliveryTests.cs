using Microsoft.EntityFrameworkCore;
using Npgsql;
using OobcCalendar.Modules.Notifications.Delivery;
using OobcCalendar.Modules.Notifications.Domain.Messages;
using OobcCalendar.Modules.Notifications.Features.Mail;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Testing;
using Shouldly;

namespace OobcCalendar.Modules.Notifications.Tests.Features;

/// <summary>
/// The sender against the real SMTP process stopped and started: failures back off exponentially, give up to a dead
/// letter after the maximum attempts, and every message is delivered exactly once when the server returns.
/// </summary>
[Collection(DeliveryCollection.Name)]
public sealed class DeliveryTests(DeliveryFixture fixture)
{
    // Polls are 100 ms; a round against a stopped server fails at once (connection refused). 30 s covers a loaded machine.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Sender_WhenSmtpIsDownThenUp_ThenRetriesWithBackoffAndDeliversEachMessageExactlyOnce()
    {
        var owner = fixture.StaffNo(2);
        var labels = Enumerable.Range(1, 3).Select(i => Facts.Unique($"Drill link {i}")).ToList();
        await fixture.Smtp.StopAsync();
        try
        {
            foreach (var label in labels)
            {
                await fixture.DeliverAsync(Facts.ShareExpiring(owner.Id, label));
            }

            var firstFailure = await RowsAsync(labels, rows => rows.All(r => r.Status == MessageStatus.Failed && r.Attempts == 1));
            var now = fixture.Clock.GetUtcNow();
            firstFailure.ShouldAllBe(r => r.LastError != null);
            // 30 s base delay with up to 20% jitter.
            firstFailure.ShouldAllBe(r => r.NextAttemptAt >= now.AddSeconds(30) && r.NextAttemptAt <= now.AddSeconds(36));

            fixture.Clock.Advance(TimeSpan.FromSeconds(40));
            fixture.WakeSender();
            // The claim counts the attempt (Sending); the round's outcome follows it.
            var secondFailure = await RowsAsync(labels, rows => rows.All(r => r.Status == MessageStatus.Failed && r.Attempts == 2));
            now = fixture.Clock.GetUtcNow();
            secondFailure.ShouldAllBe(r => r.Status == MessageStatus.Failed && r.NextAttemptAt >= now.AddSeconds(60) && r.NextAttemptAt <= now.AddSeconds(72));
        }
        finally
        {
            await fixture.Smtp.StartAsync();
        }

        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        fixture.WakeSender();
        var sent = await RowsAsync(labels, rows => rows.All(r => r.Status == MessageStatus.Sent));

        sent.ShouldAllBe(r => r.Attempts == 3 && r.SentAt == fixture.Clock.GetUtcNow() && r.LastError == null);
        var arrived = await fixture.Smtp.WaitForMessagesAsync(labels.Count, Patience);
        foreach (var label in labels)
        {
            arrived.Count(m => (m.Message.Subject ?? string.Empty).Contains(label, StringComparison.Ordinal)).ShouldBe(1);
        }
    }

    [Fact]
    public async Task Sender_WhenSmtpIsDownWithFiftyQueuedThroughTwoRetryRounds_ThenEachArrivesExactlyOnceWhenItReturns()
    {
        // The outage drill at volume: more rows than one round's batch and rounds side by side, each failing twice.
        var owner = fixture.StaffNo(4);
        var labels = Enumerable.Range(1, 50).Select(i => Facts.Unique($"Outage link {i}")).ToList();
        await fixture.Smtp.StopAsync();
        try
        {
            foreach (var label in labels)
            {
                await fixture.DeliverAsync(Facts.ShareExpiring(owner.Id, label));
            }

            await RowsAsync(labels, rows => rows.All(r => r.Status == MessageStatus.Failed && r.Attempts == 1));
            fixture.Clock.Advance(TimeSpan.FromSeconds(40));
            fixture.WakeSender();
            await RowsAsync(labels, rows => rows.All(r => r.Status == MessageStatus.Failed && r.Attempts == 2));
        }
        finally
        {
            await fixture.Smtp.StartAsync();
        }

        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        fixture.WakeSender();
        var sent = await RowsAsync(labels, rows => rows.All(r => r.Status == MessageStatus.Sent));

        sent.ShouldAllBe(r => r.Attempts == 3 && r.LastError == null);
        await Eventually.UntilAsync(
            async () => (await fixture.Smtp.MessagesAsync()).Count(m => labels.Any(l => (m.Message.Subject ?? string.Empty).Contains(l, StringComparison.Ordinal))) >= labels.Count,
            Patience,
            "the 50 messages at the SMTP server");
        var arrived = await fixture.Smtp.MessagesAsync();
        foreach (var label in labels)
        {
            arrived.Count(m => (m.Message.Subject ?? string.Empty).Contains(label, StringComparison.Ordinal)).ShouldBe(1, label);
        }
    }

    [Fact]
    public async Task Sender_WhenEveryAttemptFails_ThenDeadLetterAndAnAdminResendDeliversItOnce()
    {
        var owner = fixture.StaffNo(3);
        var label = Facts.Unique("Dead letter link");
        await fixture.Smtp.StopAsync();
        try
        {
            await fixture.DeliverAsync(Facts.ShareExpired(owner.Id, label));
            for (var attempt = 1; attempt <= NotificationsFixture.MaxAttempts; attempt++)
            {
                // The claim counts the attempt; its outcome (Failed, or the dead letter) is what the clock may move past.
                await RowsAsync([label], rows => rows.Single() is { Status: not MessageStatus.Sending } row && row.Attempts == attempt);
                fixture.Clock.Advance(TimeSpan.FromHours(2));
                fixture.WakeSender();
            }

            var dead = (await RowsAsync([label], rows => rows.Single().Status == MessageStatus.DeadLetter)).Single();
            dead.Attempts.ShouldBe(NotificationsFixture.MaxAttempts);
            dead.SentAt.ShouldBeNull();

            await Should.ThrowAsync<ForbiddenException>(() => fixture.SendAs<Mediator.Unit>(owner, new ResendMessage(dead.Id)));
        }
        finally
        {
            await fixture.Smtp.StartAsync();
        }

        var row = (await RowsAsync([label], _ => true)).Single();
        await fixture.SendAs<Mediator.Unit>(fixture.Admin, new ResendMessage(row.Id));
        var sent = (await RowsAsync([label], rows => rows.Single().Status == MessageStatus.Sent)).Single();

        sent.Attempts.ShouldBe(1);
        sent.StatusReason.ShouldNotBeNull().ShouldContain("resent");
        await Eventually.UntilAsync(
            async () => (await fixture.Smtp.MessagesAsync()).Any(m => (m.Message.Subject ?? string.Empty).Contains(label, StringComparison.Ordinal)),
            Patience,
            "the resent message at the SMTP server");
        (await fixture.Smtp.MessagesAsync()).Count(m => (m.Message.Subject ?? string.Empty).Contains(label, StringComparison.Ordinal)).ShouldBe(1);
        await Should.ThrowAsync<BusinessRuleException>(() => fixture.SendAs<Mediator.Unit>(fixture.Admin, new ResendMessage(row.Id)));
    }

    [Fact]
    public async Task Sender_WhenARowIsLeasedByALiveWorkerOfAnotherHost_ThenLeavesItUntilTheLeaseRunsOutAndThenSendsItOnce()
    {
        var owner = fixture.StaffNo(4);
        var (leased, control) = (Facts.Unique("Leased link"), Facts.Unique("Control link"));
        // The other host's worker: its connection holds the lock under its key for the whole test.
        await using var otherWorker = await OpenWorkerConnectionAsync(key: 424_242);
        await fixture.Smtp.StopAsync();
        try
        {
            await fixture.DeliverAsync(Facts.ShareExpiring(owner.Id, leased));
            await fixture.DeliverAsync(Facts.ShareExpiring(owner.Id, control));
            await RowsAsync([leased, control], rows => rows.All(r => r.Status == MessageStatus.Failed && r.Attempts == 1));
            await LeaseAsync(leased, key: 424_242, until: fixture.Clock.GetUtcNow().AddMinutes(1));
        }
        finally
        {
            await fixture.Smtp.StartAsync();
        }

        // The control row's retry comes due (≤ 36 s) before the lease ends: a round runs, and leaves the leased row alone.
        fixture.Clock.Advance(TimeSpan.FromSeconds(40));
        fixture.WakeSender();
        await RowsAsync([control], rows => rows.Single().Status == MessageStatus.Sent);
        (await RowsAsync([leased], _ => true)).Single().Status.ShouldBe(MessageStatus.Sending);
        (await fixture.Smtp.MessagesAsync()).ShouldNotContain(m => (m.Message.Subject ?? string.Empty).Contains(leased, StringComparison.Ordinal));

        // The lease's end is the fallback for a worker that holds its lock but never finishes (a host hung, not dead).
        fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        fixture.WakeSender();
        var sent = (await RowsAsync([leased], rows => rows.Single().Status == MessageStatus.Sent)).Single();
        sent.Attempts.ShouldBe(2);
        await ArrivesOnceAsync(leased);
    }

    [Fact]
    public async Task Sender_WhenARowIsLeasedByAWorkerWhoseConnectionIsGone_ThenSendsItAtOnceNotAfterTheLease()
    {
        var owner = fixture.StaffNo(5);
        var orphan = Facts.Unique("Orphaned link");
        await fixture.Smtp.StopAsync();
        try
        {
            await fixture.DeliverAsync(Facts.ShareExpiring(owner.Id, orphan));
            await RowsAsync([orphan], rows => rows.Single() is { Status: MessageStatus.Failed, Attempts: 1 });
        }
        finally
        {
            await fixture.Smtp.StartAsync();
        }

        // As a worker of a host killed mid-round leaves it: leased under its key for ten more minutes, and the worker's
        // connection (and with it the lock) gone.
        await using (await OpenWorkerConnectionAsync(key: 515_151))
        {
            await LeaseAsync(orphan, key: 515_151, until: fixture.Clock.GetUtcNow().AddMinutes(10));
        }

        // The clock stands still: only the worker's lock being free can make the row due.
        fixture.WakeSender();
        var sent = (await RowsAsync([orphan], rows => rows.Single().Status == MessageStatus.Sent)).Single();
        sent.Attempts.ShouldBe(2);
        sent.LeasedBy.ShouldNotBe(515_151);
        await ArrivesOnceAsync(orphan);
    }

    [Fact]
    public async Task Sender_WhenTheDatabaseEndsItsWorkersSessions_ThenTheyReconnectUnderNewKeysAndTheNextMessageGoesOnce()
    {
        var owner = fixture.StaffNo(3);
        var label = Facts.Unique("After reconnect link");
        var before = await WorkerKeysAsync();
        before.Count.ShouldBeGreaterThan(0, "no sender worker holds its lock: the sender is not running as designed");

        // As a database restart or an administrator does: every worker's session ends under it.
        await using (var admin = new NpgsqlConnection(fixture.App.ConnectionString))
        {
            await admin.OpenAsync();
            await using var terminate = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_locks WHERE locktype = 'advisory' AND classid::int8 = $1 AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
                admin);
            terminate.Parameters.Add(new NpgsqlParameter { Value = OutgoingMessageSender.WorkerLockSpace });
            ((long)(await terminate.ExecuteScalarAsync())!).ShouldBe(before.Count);
        }

        await fixture.DeliverAsync(Facts.ShareExpiring(owner.Id, label));
        fixture.WakeSender();
        (await RowsAsync([label], rows => rows.Single().Status == MessageStatus.Sent)).Single().Attempts.ShouldBe(1);
        await ArrivesOnceAsync(label);
        await Eventually.UntilAsync(
            async () => (await WorkerKeysAsync()) is { Count: > 0 } after && !after.Overlaps(before),
            Patience,
            "the workers to hold their locks again, under new keys");
    }

    private async Task<HashSet<long>> WorkerKeysAsync()
    {
        await using var connection = new NpgsqlConnection(fixture.App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT objid::int8 FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid::int8 = $1 AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = OutgoingMessageSender.WorkerLockSpace });
        var keys = new HashSet<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetInt64(0));
        }

        return keys;
    }

    /// <summary>A session holding the sender's worker lock under <paramref name="key"/>, unpooled so closing it ends the session.</summary>
    private async Task<NpgsqlConnection> OpenWorkerConnectionAsync(int key)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(fixture.App.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_advisory_lock($1, $2)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = OutgoingMessageSender.WorkerLockSpace });
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    private Task LeaseAsync(string label, int key, DateTimeOffset until) =>
        fixture.DbAsync(db => db.OutgoingMessages.Where(m => m.Subject.Contains(label)).ExecuteUpdateAsync(u => u
            .SetProperty(m => m.Status, MessageStatus.Sending)
            .SetProperty(m => m.NextAttemptAt, until)
            .SetProperty(m => m.LeasedBy, key)));

    private async Task ArrivesOnceAsync(string label)
    {
        await Eventually.UntilAsync(
            async () => (await fixture.Smtp.MessagesAsync()).Any(m => (m.Message.Subject ?? string.Empty).Contains(label, StringComparison.Ordinal)),
            Patience,
            "the message at the SMTP server");
        (await fixture.Smtp.MessagesAsync()).Count(m => (m.Message.Subject ?? string.Empty).Contains(label, StringComparison.Ordinal)).ShouldBe(1);
    }

    private async Task<List<OutgoingMessage>> RowsAsync(IReadOnlyList<string> labels, Func<List<OutgoingMessage>, bool> condition)
    {
        List<OutgoingMessage> rows = [];
        await Eventually.UntilAsync(
            async () =>
            {
                rows = await fixture.DbAsync(db => db.OutgoingMessages.AsNoTracking().ToListAsync());
                rows = [.. rows.Where(r => labels.Any(l => r.Subject.Contains(l, StringComparison.Ordinal)))];
                return rows.Count == labels.Count && condition(rows);
            },
            Patience,
            "the message rows to reach the expected state",
            () => Task.FromResult(string.Join(Environment.NewLine, rows.Select(r => $"{r.Subject}: {r.Status} attempts {r.Attempts} next {r.NextAttemptAt:O} error {r.LastError}"))));
        return rows;
    }
}
