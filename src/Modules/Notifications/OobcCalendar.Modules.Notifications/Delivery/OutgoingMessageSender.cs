using System.Data;
using System.Security.Cryptography;
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
/// mid-send leaves its rows leased; as soon as its workers' database connections are gone another worker takes them
/// (ADR 0040; the lease's end is the fallback), so only the one message each worker had handed over but not yet
/// recorded goes twice (ADR 0037). Woken by NOTIFY on insert, and polls.
/// </summary>
internal sealed class OutgoingMessageSender(
    IDbContextFactory<NotificationsDbContext> contexts,
    NpgsqlDataSource dataSource,
    IMailTransport transport,
    ILiveUpdates liveUpdates,
    TimeProvider clock,
    IOptions<NotificationsOptions> options,
    ILogger<OutgoingMessageSender> logger) : BackgroundService
{
    /// <summary>The first key of the two-key advisory locks the sender's workers hold ("NTFS"), apart from every other lock.</summary>
    public const int WorkerLockSpace = 0x4E544653;

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
        await using var database = new WorkerDatabase(dataSource);
        while (!stoppingToken.IsCancellationRequested)
        {
            // Taken before looking, so a wake-up that arrives during the look is not missed.
            var woken = Volatile.Read(ref pulse).Task;
            var full = false;
            try
            {
                full = await SendDueAsync(database, mail, stoppingToken) == options.Value.BatchSize;
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
                var wait = await NextWaitAsync(database, stoppingToken);
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
    /// First hands the rows of workers whose connection is gone back to the queue (ADR 0040); then waits until the next
    /// row comes due (reminders are queued seconds ahead with their due time), at most the poll interval, so a reminder
    /// leaves on its minute rather than up to a poll later.
    /// </summary>
    private async Task<TimeSpan> NextWaitAsync(WorkerDatabase database, CancellationToken cancellationToken)
    {
        var poll = options.Value.PollInterval;
        try
        {
            await using var db = await database.ContextAsync(contexts, cancellationToken);
            if (await TakeOverOrphansAsync(db, cancellationToken) > 0)
            {
                Wake(); // every idle worker, so the rows taken over go out side by side
            }

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
    private async Task<int> SendDueAsync(WorkerDatabase database, WorkerConnection mail, CancellationToken cancellationToken)
    {
        await using var db = await database.ContextAsync(contexts, cancellationToken);
        var rows = await ClaimAsync(db, database.Key, cancellationToken);
        if (rows.Count == 0)
        {
            return 0;
        }

        var pending = new Queue<OutgoingMessage>(rows);
        try
        {
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
    /// Sending with an attempt counted, a lease until <c>Notifications:SendLease</c> from now and this worker's key.
    /// SKIP LOCKED keeps concurrent rounds and hosts apart while the statement runs; the lease keeps them apart afterwards.
    /// </summary>
    private async Task<List<OutgoingMessage>> ClaimAsync(NotificationsDbContext db, int workerKey, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var rows = await db.OutgoingMessages
            .FromSqlRaw(
                """
                UPDATE notifications.outgoing_messages AS m
                SET status = 'Sending', attempts = m.attempts + 1, next_attempt_at = {0}, leased_by = {3}
                FROM (SELECT id FROM notifications.outgoing_messages
                      WHERE status IN ('Pending', 'Failed', 'Sending') AND next_attempt_at <= {1}
                      ORDER BY next_attempt_at, id LIMIT {2} FOR UPDATE SKIP LOCKED) AS due
                WHERE m.id = due.id
                RETURNING m.*
                """,
                (now + settings.SendLease).ToUniversalTime(),
                now.ToUniversalTime(),
                settings.BatchSize,
                workerKey)
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

    /// <summary>
    /// Rows leased by a worker whose lock is free (its connection is gone: its host was killed or lost the database)
    /// become due now instead of when their lease ends. Such a worker can record nothing more, so at most the one message
    /// it had handed to the SMTP server goes again, as after the lease (ADR 0040).
    /// </summary>
    private Task<int> TakeOverOrphansAsync(NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        return db.Database.ExecuteSqlAsync(
            $"""
            UPDATE notifications.outgoing_messages
            SET next_attempt_at = {now}
            WHERE status = 'Sending' AND next_attempt_at > {now} AND leased_by IS NOT NULL
              AND leased_by <> ALL (ARRAY(
                  SELECT objid::int8::int4 FROM pg_locks
                  WHERE locktype = 'advisory' AND granted AND objsubid = 2 AND classid::int8 = {WorkerLockSpace}
                    AND database = (SELECT oid FROM pg_database WHERE datname = current_database())))
            """,
            cancellationToken);
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

    /// <summary>
    /// A worker's own database connection for as long as it works, holding a session advisory lock under a random key
    /// (ADR 0040). The worker leases rows under that key and records every outcome on this connection, so while the lock
    /// is held its rows are being sent, and once it is free the worker can record nothing more (its host died or lost the
    /// database) and its rows may go to another worker. A broken connection is replaced by a new one under a new key.
    /// </summary>
    private sealed class WorkerDatabase(NpgsqlDataSource dataSource) : IAsyncDisposable
    {
        private NpgsqlConnection? connection;

        /// <summary>This worker's key while its connection is open; written on the rows it leases.</summary>
        public int Key { get; private set; }

        /// <summary>A context on the worker's connection (opened, and locked under a new key, if need be).</summary>
        public async Task<NotificationsDbContext> ContextAsync(IDbContextFactory<NotificationsDbContext> contexts, CancellationToken cancellationToken)
        {
            var open = await OpenAsync(cancellationToken);
            var db = await contexts.CreateDbContextAsync(cancellationToken);
            db.Database.SetDbConnection(open, contextOwnsConnection: false);
            return db;
        }

        private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
        {
            if (connection is { State: ConnectionState.Open } open)
            {
                return open;
            }

            await CloseAsync();
            var opened = await dataSource.OpenConnectionAsync(cancellationToken);
            try
            {
                // Each outcome is its own commit. Waiting for each to reach the disk would cost a WAL flush per e-mail;
                // without the wait, only a crash of PostgreSQL itself (not of this host) can forget the last few (ADR 0037).
                await using (var synchronous = new NpgsqlCommand("SET synchronous_commit TO OFF", opened))
                {
                    await synchronous.ExecuteNonQueryAsync(cancellationToken);
                }

                int key;
                do
                {
                    key = RandomNumberGenerator.GetInt32(1, int.MaxValue);
                }
                while (!await TryLockAsync(opened, key, cancellationToken));

                (connection, Key) = (opened, key);
                return opened;
            }
            catch
            {
                await opened.DisposeAsync();
                throw;
            }
        }

        private static async Task<bool> TryLockAsync(NpgsqlConnection open, int key, CancellationToken cancellationToken)
        {
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1, $2)", open);
            command.Parameters.Add(new NpgsqlParameter { Value = WorkerLockSpace });
            command.Parameters.Add(new NpgsqlParameter { Value = key });
            return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        private async ValueTask CloseAsync()
        {
            if (connection is not { } open)
            {
                return;
            }

            connection = null;
            try
            {
                if (open.State == ConnectionState.Open)
                {
                    // The pool keeps the session (and its lock) open after Close; the worker's rows were handed back.
                    await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock_all()", open);
                    await unlock.ExecuteNonQueryAsync(CancellationToken.None);
                }
            }
#pragma warning disable CA1031 // Best effort: a lock left on a pooled session only makes others wait for the lease.
            catch (Exception)
#pragma warning restore CA1031
            {
            }

            await open.DisposeAsync();
        }

        public ValueTask DisposeAsync() => CloseAsync();
    }
}
