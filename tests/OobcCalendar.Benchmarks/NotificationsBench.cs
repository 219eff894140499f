using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using OobcCalendar.Modules.Notifications;
using OobcCalendar.Modules.Notifications.Features.Reminders;
using OobcCalendar.Modules.Notifications.Persistence;
using OobcCalendar.Shared.Users;
using OobcCalendar.Testing;

namespace OobcCalendar.Benchmarks;

/// <summary>
/// Notifications (issue 14): 10,000 reminders due in the same minute (one instant), swept every 20 s as the Quartz job
/// does, enqueued and sent to a local SMTP sink that records when each message was handed over. Prints
/// <c>reminder_lag_p99_ms</c> (due time → at the sink) and <c>emails_per_s</c> (first to last arrival).
/// The host first sends 1,000 reminders due 30 s earlier, as a host that has been running has sent mail before: on a host
/// that has sent nothing yet, the runtime compiles the sending path's hot methods again (tiered JIT) during the burst,
/// a one-off ~15-25 % of the CPU that a burst on a running host does not pay (measured with perf; the note gives both).
/// Then 10,000 more due across one minute, each event's at its own instant (<c>reminder_lag_spread_p99_ms</c>).
/// </summary>
internal static class NotificationsBench
{
    private const int Reminders = 10_000;
    private const int WarmUp = 1_000;
    private static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(20);

    public static async Task RunAsync()
    {
        await using var sink = new SmtpSink("Bench event", "Bench spread ");
        await using var app = new OobcAppFactory(
            await PostgresServer.CreateDatabaseAsync("bench"),
            new Dictionary<string, string?>
            {
                ["Scheduler:Enabled"] = "false",
                ["Notifications:Smtp:Host"] = "127.0.0.1",
                // BENCH_BATCH compares claim sizes without a rebuild; unset, the host's default applies.
                ["Notifications:BatchSize"] = Environment.GetEnvironmentVariable("BENCH_BATCH") is { Length: > 0 } batch ? batch : new NotificationsOptions().BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Notifications:Smtp:Port"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Logging:LogLevel:Default"] = "Error",
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "None",
            });
        app.Start();
        var directory = app.Services.GetRequiredService<IUserDirectory>();
        var users = (await directory.InRoleAsync(Roles.Staff, CancellationToken.None)).Select(u => u.Id).ToList();
        var events = (Reminders + users.Count - 1) / users.Count;

        // The warm-up due 45 s from now (whole second), the measured burst 30 s later, so sweeps run before each as they
        // would; events start 15 min after their reminders.
        var now = DateTimeOffset.UtcNow;
        var warmUpDue = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddSeconds(45);
        var due = warmUpDue.AddSeconds(30);
        var warmUpEvents = (WarmUp + users.Count - 1) / users.Count;
        await SeedAsync(app.Services, users, warmUpEvents, warmUpDue, "Warm-up event");
        await SeedAsync(app.Services, users, events, due, "Bench event");

        var sweep = app.Services.GetRequiredService<ReminderSweep>();
        var dueTimestamp = TimestampOf(due);
        await SweepUntilAsync(sweep, () => sink.Arrivals.Count >= Reminders);

        var arrivals = sink.Arrivals.ToArray();
        var lags = arrivals.Select(a => (a - dueTimestamp) * 1000.0 / Stopwatch.Frequency).ToList();
        var span = (arrivals.Max() - arrivals.Min()) / (double)Stopwatch.Frequency;
        Console.WriteLine($"warm_up_sent_before: {sink.Accepted - arrivals.Length}");
        Console.WriteLine($"reminders_delivered: {arrivals.Length} of {users.Count * events}");
        Console.WriteLine($"reminder_lag_p50_ms: {Stats.Percentile(lags, 0.50):F0}");
        Console.WriteLine($"reminder_lag_p99_ms: {Stats.Percentile(lags, 0.99):F0}");
        Console.WriteLine($"reminder_lag_min_ms: {lags.Min():F0}");
        Console.WriteLine($"emails_per_s: {arrivals.Length / span:F1}");

        // The same number due across one minute (the "due in the same minute"): each event's 20 reminders at
        // their own instant, 120 ms after the previous event's. Lag is measured from each message's own due time.
        now = DateTimeOffset.UtcNow;
        var spreadDue = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddSeconds(45);
        var step = TimeSpan.FromMinutes(1) / events;
        await SeedAsync(app.Services, users, events, spreadDue, "Bench spread", step);
        var spreadTimestamp = TimestampOf(spreadDue);
        await SweepUntilAsync(sweep, () => sink.NumberedArrivals.Count >= users.Count * events);
        var spreadLags = sink.NumberedArrivals
            .Select(a => (a.Timestamp - spreadTimestamp - ((a.Number - 1) * step.TotalSeconds * Stopwatch.Frequency)) * 1000.0 / Stopwatch.Frequency)
            .ToList();
        Console.WriteLine($"spread_reminders_delivered: {spreadLags.Count} of {users.Count * events}");
        Console.WriteLine($"reminder_lag_spread_p50_ms: {Stats.Percentile(spreadLags, 0.50):F0}");
        Console.WriteLine($"reminder_lag_spread_p99_ms: {Stats.Percentile(spreadLags, 0.99):F0}");
    }

    private static long TimestampOf(DateTimeOffset instant) =>
        Stopwatch.GetTimestamp() + (long)((instant - DateTimeOffset.UtcNow).TotalSeconds * Stopwatch.Frequency);

    /// <summary>Runs the sweep every 20 s, as the Quartz job does, until <paramref name="done"/> (at most 5 minutes).</summary>
    private static async Task SweepUntilAsync(ReminderSweep sweep, Func<bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        while (!done() && !timeout.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            await sweep.RunAsync(timeout.Token);
            var left = SweepEvery - Stopwatch.GetElapsedTime(started);
            if (left > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(left, timeout.Token); // the job's period, not a wait for a condition
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    private static async Task SeedAsync(IServiceProvider services, IReadOnlyList<Guid> users, int events, DateTimeOffset due, string title, TimeSpan step = default)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<NotificationsDbContext>>().CreateDbContextAsync();
        var start = due.AddMinutes(15);
        var ids = Enumerable.Range(0, events).Select(_ => Guid.NewGuid()).ToArray();
        // Far horizons: the sweep only sends (re-planning is measured by the tests, not here).
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO notifications.known_events (event_id, title, location, organizer_id, participant_ids, start_utc, end_utc, time_zone_id, all_day,
                exception_dates_utc, reminder_minutes, cancelled, as_of, reminders_until)
            SELECT id, @title || ' ' || ord, 'Room 1', @organizer, @participants, @start + (ord - 1) * @step, @end + (ord - 1) * @step, 'Asia/Manila', false,
                '{{}}', '{{15}}', false, now(), @start + interval '30 days'
            FROM unnest(@ids) WITH ORDINALITY AS t(id, ord)
            """,
            [
                new NpgsqlParameter("title", title),
                new NpgsqlParameter("organizer", users[0]),
                new NpgsqlParameter("participants", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = users.ToArray() },
                new NpgsqlParameter("start", start),
                new NpgsqlParameter("end", start.AddHours(1)),
                new NpgsqlParameter("step", step),
                new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = ids },
            ]);
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO notifications.due_reminders (id, user_id, event_id, starts_at_utc, offset_minutes, due_at_utc, status, created_at)
            SELECT gen_random_uuid(), u, e, @start + (ord - 1) * @step, 15, @due + (ord - 1) * @step, 'Pending', now()
            FROM unnest(@ids) WITH ORDINALITY AS t(e, ord) CROSS JOIN unnest(@users) AS u
            """,
            [
                new NpgsqlParameter("start", start),
                new NpgsqlParameter("due", due),
                new NpgsqlParameter("step", step),
                new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = ids },
                new NpgsqlParameter("users", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = users.ToArray() },
            ]);
    }
}
