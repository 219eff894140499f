using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Modules.Resources.Domain.Resources;
using OobcCalendar.Modules.Resources.Features.Bookings;
using OobcCalendar.Modules.Resources.Features.Resources;
using OobcCalendar.Shared.Users;
using OobcCalendar.Testing;

namespace OobcCalendar.Benchmarks;

/// <summary>
/// Booking throughput and latency (issue 3) against the real host and a real PostgreSQL. Requests go through the
/// mediator, as the UI sends them. Prints "name: value" lines.
/// </summary>
internal static class BookingBench
{
    public static async Task RunAsync()
    {
        const int Rooms = 200;
        const int Requests = 3000;
        var concurrency = int.Parse(Environment.GetEnvironmentVariable("OOBC_BENCH_CONCURRENCY") ?? "4", System.Globalization.CultureInfo.InvariantCulture);
        const int ContentionRounds = 30;
        const int Racers = 20;

        var user = new TestCurrentUser();
        await using var app = new OobcAppFactory(
            await PostgresServer.CreateDatabaseAsync("bench"),
            new Dictionary<string, string?>
            {
                ["Scheduler:Enabled"] = "false",
                ["Outbox:DispatcherEnabled"] = Environment.GetEnvironmentVariable("OOBC_BENCH_DISPATCHER") ?? "true",
                ["Logging:LogLevel:Default"] = "Error",
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "None",
                // OOBC_BENCH_SQL=1 prints the SQL sent (to count and EXPLAIN it by hand).
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = Environment.GetEnvironmentVariable("OOBC_BENCH_SQL") == "1" ? "Information" : "None",
            },
            s => s.AddScoped<ICurrentUser>(_ => user));
        app.Start();
        var directory = app.Services.GetRequiredService<IUserDirectory>();
        var admin = (await directory.InRoleAsync(Roles.Admin, CancellationToken.None))[0];
        var staff = (await directory.InRoleAsync(Roles.Staff, CancellationToken.None)).First(u => !u.Roles.Contains(Roles.Admin));

        async Task<T> Send<T>(DirectoryUser who, IMessage message)
        {
            user.ActAs(who.Id, [.. who.Roles]);
            await using var scope = app.Services.CreateAsyncScope();
            return (T)(await scope.ServiceProvider.GetRequiredService<IMediator>().Send(message))!;
        }

        var open = new BookingRules { OpensAt = TimeOnly.MinValue, ClosesAt = TimeOnly.MinValue, Days = BookingRules.EveryDayMask, MinimumNoticeMinutes = 0, MaximumAdvanceDays = 730, BufferAfterMinutes = 10 };
        var rooms = new List<Guid>();
        for (var i = 0; i < Rooms; i++)
        {
            rooms.Add(await Send<Guid>(admin, new SaveResource(null, ResourceKind.Room, $"Bench room {i:000}", "B", 20, ["Bench"], null, false, [], "Asia/Manila", open)));
        }

        var day0 = DateTimeOffset.UtcNow.Date.AddDays(2);
        var baseTime = new DateTimeOffset(day0, TimeSpan.Zero);

        // Warm-up at the measured concurrency (JIT, pools, and every pooled connection's prepared statements and
        // plans): the steady state of a running server.
        var warm = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref warm)) < 50 * concurrency)
            {
                var at = baseTime.AddDays(600).AddHours(i / Rooms);
                await Send<BookingReceipt>(staff, new RequestBooking(rooms[i % Rooms], at, at.AddMinutes(30), "warm-up", 2));
            }
        })));

        var latencies = new List<double>();
        var next = -1;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            var local = new List<double>();
            int n;
            while ((n = Interlocked.Increment(ref next)) < Requests)
            {
                // Each request its own room and hour: no conflicts, pure throughput.
                var start = baseTime.AddHours(n / Rooms);
                var watch = Stopwatch.StartNew();
                await Send<BookingReceipt>(staff, new RequestBooking(rooms[n % Rooms], start, start.AddMinutes(30), "bench", 2));
                local.Add(watch.Elapsed.TotalMilliseconds);
            }

            lock (latencies)
            {
                latencies.AddRange(local);
            }
        })));
        total.Stop();

        var losers = new List<double>();
        for (var round = 0; round < ContentionRounds; round++)
        {
            var start = baseTime.AddDays(300).AddHours(round);
            using var gate = new ManualResetEventSlim();
            var tasks = Enumerable.Range(0, Racers).Select(_ => Task.Run(async () =>
            {
                gate.Wait();
                var watch = Stopwatch.StartNew();
                try
                {
                    await Send<BookingReceipt>(staff, new RequestBooking(rooms[0], start, start.AddMinutes(30), "race", 2));
                    return (Won: true, Ms: watch.Elapsed.TotalMilliseconds);
                }
                catch (SlotTakenException)
                {
                    return (Won: false, Ms: watch.Elapsed.TotalMilliseconds);
                }
            })).ToList();
            gate.Set();
            var results = await Task.WhenAll(tasks);
            if (results.Count(r => r.Won) != 1)
            {
                throw new InvalidOperationException($"Round {round}: {results.Count(r => r.Won)} winners.");
            }

            losers.AddRange(results.Where(r => !r.Won).Select(r => r.Ms));
        }


        Console.WriteLine($"bookings_per_s: {Requests / total.Elapsed.TotalSeconds:F0}");
        Console.WriteLine($"booking_p50_ms: {Stats.Percentile(latencies, 0.50):F1}");
        Console.WriteLine($"booking_p95_ms: {Stats.Percentile(latencies, 0.95):F1}");
        Console.WriteLine($"conflict_loser_p95_ms: {Stats.Percentile(losers, 0.95):F1}");
        Console.WriteLine($"contention_rounds_one_winner: {ContentionRounds}/{ContentionRounds}");
    }
}
