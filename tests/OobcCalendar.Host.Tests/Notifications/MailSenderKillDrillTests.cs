using System.Diagnostics;
using Npgsql;
using OobcCalendar.Testing;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace OobcCalendar.Host.Tests.Notifications;

/// <summary>
/// The SIGKILL drill of issue 14: the real host, as a child process, sends queued e-mail to the real SMTP process and is
/// killed with SIGKILL mid-send; a second host finishes the queue, taking over the killed host's leased rows as soon as
/// its workers' database connections are gone (ADR 0040), not when their lease runs out. Nothing is lost, and nothing
/// goes twice but the message each of the killed host's rounds had in flight (see <see cref="InFlightBound"/>).
/// </summary>
public sealed class MailSenderKillDrillTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Messages = 600;
    private const int BatchSize = 20;
    private const int Concurrency = 4;

    /// <summary>
    /// What the sender's design allows per host killed mid-send: each of its <c>SenderConcurrency</c> rounds commits a
    /// message's Sent mark before it sends the next, so only the one message a round had handed to the SMTP server and
    /// not yet recorded goes again: at most one per round (4 with these settings), never a message outside a round.
    /// </summary>
    private const int InFlightBound = Concurrency;

    /// <summary>
    /// Longer than the drill may take, so only the killed host's locks being free can hand its leased rows to the second
    /// host: with the lease as the only way back, the drill would time out.
    /// </summary>
    private const string Lease = "00:10:00";

    private readonly SmtpServerFixture smtp = new();
    private readonly List<Process> hosts = [];
    private readonly List<string> transcript = [];
    private NpgsqlDataSource? database;
    private string connectionString = string.Empty;

    public async Task InitializeAsync()
    {
        await smtp.InitializeAsync();
        connectionString = await PostgresServer.CreateDatabaseAsync("maildrill");
        database = NpgsqlDataSource.Create(connectionString);
    }

    public async Task DisposeAsync()
    {
        foreach (var host in hosts)
        {
            if (!host.HasExited)
            {
                host.Kill(entireProcessTree: true);
            }

            host.Dispose();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }

        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task Sender_WhenItsHostIsKilledMidSendAndAnotherStarts_ThenEveryMessageArrivesAndAtMostTheOneInFlightPerRoundTwice()
    {
        // The first host migrates the database; its sender starts on an empty queue.
        var first = StartHost("first");
        await Eventually.UntilAsync(
            async () => await ScalarAsync<bool>("SELECT to_regclass('notifications.outgoing_messages') IS NOT NULL"),
            TimeSpan.FromSeconds(120),
            "the first host to migrate the database",
            Transcript);

        // 600 messages in 20 waves of 30 due 250 ms apart, so the host is still sending when the kill lands.
        await ExecuteAsync(
            $"""
            INSERT INTO notifications.outgoing_messages
                (id, recipient_user_id, recipient_email, recipient_name, type, dedupe_key, subject, html, text_body,
                 urgent, status, attempts, next_attempt_at, created_at)
            SELECT gen_random_uuid(), gen_random_uuid(), 'drill' || i || '@example.test', 'Drill ' || i, 'Drill',
                   'drill|' || i, 'Kill drill ' || i, '<p>Drill ' || i || '</p>', 'Drill ' || i,
                   false, 'Pending', 0, now() + ((i / 30) * interval '250 milliseconds'), now()
            FROM generate_series(0, {Messages - 1}) AS i
            """);

        await Eventually.UntilAsync(
            () => Arrived() >= 100,
            TimeSpan.FromSeconds(60),
            "the first host to have sent 100 messages",
            TranscriptText);
        first.Kill(); // SIGKILL on Unix: no shutdown, no commit of the rounds in flight
        await first.WaitForExitAsync();
        var atKill = Arrived();
        var sentAtKill = await ScalarAsync<long>("SELECT count(*) FROM notifications.outgoing_messages WHERE status = 'Sent'");
        atKill.ShouldBeLessThan(Messages, "the kill landed after every message had gone: the drill proved nothing");

        var killed = Stopwatch.StartNew();
        StartHost("second");
        await Eventually.UntilAsync(
            async () => await ScalarAsync<long>("SELECT count(*) FROM notifications.outgoing_messages WHERE status = 'Sent'") == Messages,
            TimeSpan.FromSeconds(120),
            "every row Sent after the second host started",
            Transcript);
        var allSentAfter = killed.Elapsed;
        await Eventually.UntilAsync(() => Arrived() >= Messages, TimeSpan.FromSeconds(30), "every message at the SMTP server", TranscriptText);

        var ids = (await smtp.MessagesAsync()).Select(m => m.Message.MessageId ?? string.Empty).ToList();
        var rowIds = await RowIdsAsync();
        var perId = ids.GroupBy(id => id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var duplicates = ids.Count - perId.Count;
        output.WriteLine(
            $"mail sender SIGKILL drill (600 queued, host killed mid-send, second host finishes): {atKill} arrived and {sentAtKill} rows recorded Sent at the kill; {ids.Count} arrived in all for {perId.Count} distinct rows: {duplicates} duplicate(s), bound {InFlightBound}; every row Sent {allSentAfter.TotalSeconds:F1} s after the kill (second host's start-up included; lease {Lease})");

        rowIds.ShouldAllBe(id => perId.ContainsKey($"{id}@oobc-calendar"), "a message was lost");
        perId.Keys.ShouldAllBe(id => rowIds.Contains(id.Replace("@oobc-calendar", string.Empty, StringComparison.Ordinal)));
        duplicates.ShouldBeLessThanOrEqualTo(InFlightBound, "more duplicates than the messages in flight (one per round) of the killed host");
        // Only rows the killed host had handed over but not yet recorded can go twice.
        duplicates.ShouldBeLessThanOrEqualTo(atKill - (int)sentAtKill);
    }

    private int Arrived() => Directory.GetFiles(smtp.Folder, "*.json").Length;

    private Process StartHost(string name)
    {
        var hostDll = Path.Combine(AppContext.BaseDirectory, "OobcCalendar.Host.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(hostDll);
        foreach (var setting in new[]
                 {
                     $"--ConnectionStrings:Default={connectionString}",
                     "--urls=http://127.0.0.1:0",
                     "--Logging:LogLevel:Default=Warning",
                     "--Scheduler:Enabled=false",
                     $"--Notifications:Smtp:Host={smtp.Host}",
                     $"--Notifications:Smtp:Port={smtp.Port}",
                     $"--Notifications:BatchSize={BatchSize}",
                     $"--Notifications:SenderConcurrency={Concurrency}",
                     "--Notifications:PollInterval=00:00:00.200",
                     $"--Notifications:SendLease={Lease}",
                 })
        {
            start.ArgumentList.Add(setting);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Keep(name, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(name, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        hosts.Add(process);
        return process;
    }

    private void Keep(string name, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (transcript)
        {
            transcript.Add($"[{name}] {line}");
        }
    }

    private Task<string> Transcript() => Task.FromResult(TranscriptText());

    private string TranscriptText()
    {
        lock (transcript)
        {
            return ($"{Arrived()} arrived; hosts: {string.Join(", ", hosts.Select(h => h.HasExited ? $"exited {h.ExitCode}" : "running"))}{Environment.NewLine}{string.Join(Environment.NewLine, transcript.TakeLast(60))}{Environment.NewLine}{smtp.Transcript()}");
        }
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = database!.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = database!.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<HashSet<string>> RowIdsAsync()
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        await using var command = database!.CreateCommand("SELECT id FROM notifications.outgoing_messages");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result.Add(reader.GetGuid(0).ToString("N"));
        }

        return result;
    }
}
