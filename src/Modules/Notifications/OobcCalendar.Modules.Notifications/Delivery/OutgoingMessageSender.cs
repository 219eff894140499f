using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using OobcCalendar.Modules.Notifications.Contracts;
using OobcCalendar.Modules.Notifications.Domain.Messages;
using OobcCalendar.Modules.Notifications.Persistence;
using OobcCalendar.Shared.LiveUpdates;

namespace OobcCalendar.Modules.Notifications.Delivery;

/// <summary>
/// Sends due e-mail rows in the background, off every request path. <c>SenderConcurrency</c> workers each lease a batch
/// in one committed statement (FOR UPDATE SKIP LOCKED: several hosts share the work, no row is sent by two at once),
/// send it over the worker's SMTP connection and commit each outcome as soon as the server answers: Sent with the
/// time, or the error and an exponential backoff, and DeadLetter after <c>Notifications:MaxAttempts</c>. A host killed
/// mid-send leaves its rows leased until the lease runs out; then another host sends them, so only the one message each
/// worker had handed over but not yet recorded goes twice (ADR 0037). Woken by NOTIFY on insert, and polls.
/// </summary>
internal sealed class OutgoingMessageSender(
    IDbContextFactory<NotificationsDbContext> contexts,
    IMailTransport transport,
    ILiveUpdates liveUpdates,
    TimeProvider clock,
    IOptions<NotificationsOptions> options,
    ILogger<OutgoingMessageSender> logger) : BackgroundService
{
    // Completed (and replaced) by each wake-up, so every idle worker sees it, not just one.
    private TaskCompletionSource pulse = NewPulse();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = liveUpdates.Subscribe([NotificationsTopics.Outgoing], _ =>
        {
            Wake();
            return Task.CompletedTask;
        });
        var workers = Math.Max(1, options.Value.SenderConcurrency);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => RunWorkerAsync(stoppingToken)));
    }

    /// <summary>
    /// One of <c>SenderConcurrency</c> workers, each claiming and sending on its own (SKIP LOCKED and the lease keep them
    /// apart): a worker whose batch came back full claims again at once instead of waiting for the slowest of the others,
    /// which made a burst go out at the pace of the slowest batch.
    /// </summary>
    private async Task RunWorkerAsync(CancellationToken stoppingToken)
    {
        await using var mail = new WorkerConnection(transport);
        while (!stoppingToken.IsCancellationRequested)
        {
            // Taken before looking, so a wake-up that arrives during the look is not missed.
            var woken = Volatile.Read(ref pulse).Task;
            var full = false;
            try
            {
                full = await SendDueAsync(mail, stoppingToken) == options.Value.BatchSize;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The database may be briefly away; the next round tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "Mail round failed");
            }

            if (full)
            {
                continue; // more may be due: no waiting, and the SMTP connection stays open for the next batch
            }

            try
            {
                await mail.CloseAsync(); // idle: no connection held for the server to time out
                var wait = await NextWaitAsync(stoppingToken);
                using var timer = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                await Task.WhenAny(woken, Task.Delay(wait, timer.Token));
                await timer.CancelAsync(); // woken early: no timer left behind per wake-up
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Until the next row comes due (reminders are queued seconds ahead with their due time), at most the poll interval,
    /// so a reminder leaves on its minute rather than up to a poll later.
    /// </summary>
    private async Task<TimeSpan> NextWaitAsync(CancellationToken cancellationToken)
    {
        var poll = options.Value.PollInterval;
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var next = await db.OutgoingMessages
                .Where(m => m.Status == MessageStatus.Pending || m.Status == MessageStatus.Failed || m.Status == MessageStatus.Sending)
                .MinAsync(m => (DateTimeOffset?)m.NextAttemptAt, cancellationToken);
            var until = next is { } at ? at - clock.GetUtcNow() : poll;
            // A floor, so rows due but held by another host's round (SKIP LOCKED) do not make this loop spin.
            var floor = TimeSpan.FromMilliseconds(50);
            return until < floor ? floor : until < poll ? until : poll;
        }
#pragma warning disable CA1031 // The database may be briefly away: poll as before.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return poll;
        }
    }

    /// <summary>Asks the sender to look now (every idle worker).</summary>
    public void Wake() => Interlocked.Exchange(ref pulse, NewPulse()).TrySetResult();

    private static TaskCompletionSource NewPulse() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Claims one batch (a lease, committed at once), sends it over the worker's SMTP connection and records each
    /// message's outcome as soon as it is known; returns how many rows it claimed.
    /// </summary>
    private async Task<int> SendDueAsync(WorkerConnection mail, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var rows = await ClaimAsync(db, cancellationToken);
        if (rows.Count == 0)
        {
            return 0;
        }

        var pending = new Queue<OutgoingMessage>(rows);
        try
        {
            // Each outcome is its own commit. Waiting for each to reach the disk would cost a WAL flush per e-mail; without
            // the wait, only a crash of PostgreSQL itself (not of this host) can forget the last few Sent marks (ADR 0037).
            // Set only once there is something to send: an idle poll costs the claim alone.
            await db.Database.ExecuteSqlRawAsync("SET synchronous_commit TO OFF", cancellationToken);
            await SendClaimedAsync(db, mail, pending, cancellationToken);
        }
        finally
        {
            if (pending.Count > 0)
            {
                // Stopping, or the round outlived half its lease: what it did not try goes back at once, uncounted.
                await ReleaseAsync(db, pending.Select(r => r.Id).ToArray());
            }
        }

        return rows.Count;
    }

    /// <summary>
    /// One statement and one commit: the due rows (and rows whose lease ran out, left by a host that died) become
    /// Sending with an attempt counted and a lease until <c>Notifications:SendLease</c> from now. SKIP LOCKED keeps
    /// concurrent rounds and hosts apart while the statement runs; the lease keeps them apart afterwards.
    /// </summary>
    private async Task<List<OutgoingMessage>> ClaimAsync(NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var rows = await db.OutgoingMessages
            .FromSqlRaw(
                """
                UPDATE notifications.outgoing_messages AS m
                SET status = 'Sending', attempts = m.attempts + 1, next_attempt_at = {0}
                FROM (SELECT id FROM notifications.outgoing_messages
                      WHERE status IN ('Pending', 'Failed', 'Sending') AND next_attempt_at <= {1}
                      ORDER BY next_attempt_at, id LIMIT {2} FOR UPDATE SKIP LOCKED) AS due
                WHERE m.id = due.id
                RETURNING m.*
                """,
                (now + settings.SendLease).ToUniversalTime(),
                now.ToUniversalTime(),
                settings.BatchSize)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return rows;
        }

        var ids = rows.Select(r => r.Id).ToArray();
        var attachments = await db.OutgoingAttachments.AsNoTracking().Where(a => ids.Contains(a.MessageId)).ToListAsync(cancellationToken);
        var byMessage = attachments.ToLookup(a => a.MessageId);
        foreach (var row in rows)
        {
            row.Attachments.AddRange(byMessage[row.Id]);
        }

        return [.. rows.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)];
    }

    private async Task SendClaimedAsync(NotificationsDbContext db, WorkerConnection mail, Queue<OutgoingMessage> pending, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var started = clock.GetUtcNow();

        // One prepared statement per round: the Sent mark is the per-message cost of the crash bound, so it stays small.
        await using var markSent = new NpgsqlCommand(
            "UPDATE notifications.outgoing_messages SET status = 'Sent', sent_at = $1, last_error = NULL WHERE id = $2",
            (NpgsqlConnection)db.Database.GetDbConnection());
        markSent.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz });
        markSent.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid });
        await markSent.PrepareAsync(cancellationToken);

        // A slow server must not keep rows past their lease (another host would take them): hand back the rest.
        while (pending.TryPeek(out var row) && clock.GetUtcNow() - started < settings.SendLease / 2)
        {
            IMailSession session;
            try
            {
                session = await mail.OpenAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Mail server unreachable; {Count} message(s) wait for a retry", pending.Count);
                while (pending.TryDequeue(out var unsent))
                {
                    await FailAsync(db, unsent, ex, clock.GetUtcNow());
                }

                return;
            }

            try
            {
                await session.SendAsync(MimeMessages.Build(row, settings.Smtp.From), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Sending message {Id} failed, attempt {Attempt}", row.Id, row.Attempts);
                pending.Dequeue();
                await FailAsync(db, row, ex, clock.GetUtcNow());
                // The connection may be what failed: the next message gets a fresh one.
                await mail.CloseAsync();
                continue;
            }

            // Recorded before the next is sent: a host killed now re-sends at most this one message per worker.
            pending.Dequeue();
            markSent.Parameters[0].Value = clock.GetUtcNow().UtcDateTime;
            markSent.Parameters[1].Value = row.Id;
            await markSent.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private Task ReleaseAsync(NotificationsDbContext db, Guid[] ids)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        return db.Database.ExecuteSqlAsync(
            $"""
            UPDATE notifications.outgoing_messages
            SET status = CASE WHEN attempts <= 1 THEN 'Pending' ELSE 'Failed' END, attempts = attempts - 1, next_attempt_at = {now}
            WHERE id = ANY({ids}) AND status = 'Sending'
            """,
            CancellationToken.None);
    }

    /// <summary>Records a failed attempt (already counted by the claim): a retry after a backoff, or the dead letter.</summary>
    private async Task FailAsync(NotificationsDbContext db, OutgoingMessage row, Exception error, DateTimeOffset now)
    {
        var settings = options.Value;
        var lastError = error.Message.Length > 4000 ? error.Message[..4000] : error.Message;
        var dead = row.Attempts >= settings.MaxAttempts;
        var status = (dead ? MessageStatus.DeadLetter : MessageStatus.Failed).ToString();
        var next = (dead ? now : now + settings.RetryDelay(row.Attempts, Random.Shared.NextDouble())).ToUniversalTime();
        if (dead)
        {
            logger.LogError("Message {Id} to {Email} dead-lettered after {Attempts} attempts: {Error}", row.Id, row.RecipientEmail, row.Attempts, lastError);
        }

        await db.Database.ExecuteSqlAsync(
            $"UPDATE notifications.outgoing_messages SET status = {status}, last_error = {lastError}, next_attempt_at = {next} WHERE id = {row.Id}",
            CancellationToken.None);
    }

    /// <summary>
    /// A worker's SMTP connection, kept open from one batch to the next while a burst lasts (connect, EHLO and QUIT per
    /// batch: with batches of 20 the burst went 1,251 → 1,346 e-mails/s without them) and closed when the worker goes idle
    /// or a send fails.
    /// </summary>
    private sealed class WorkerConnection(IMailTransport transport) : IAsyncDisposable
    {
        private IMailSession? session;

        public async ValueTask<IMailSession> OpenAsync(CancellationToken cancellationToken) =>
            session ??= await transport.OpenAsync(cancellationToken);

        public async ValueTask CloseAsync()
        {
            if (session is { } open)
            {
                session = null;
                await open.DisposeAsync();
            }
        }

        public ValueTask DisposeAsync() => CloseAsync();
    }
}
