using System.Diagnostics;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Host.Identity;
using OobcCalendar.Modules.Leave.Domain.LeaveTypes;
using OobcCalendar.Modules.Leave.Domain.Requests;
using OobcCalendar.Modules.Leave.Features.Requests;
using OobcCalendar.Modules.Leave.Persistence;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;
using OobcCalendar.Testing;

namespace OobcCalendar.Benchmarks;

/// <summary>
/// Leave (issue 11): filing a request through the mediator with the outbox dispatcher running, 4 concurrent; and
/// "Who's out" this month for an office of 500 people with two years of approved leave. Prints "name: value" lines.
/// </summary>
internal static class LeaveBench
{
    private const int People = 500;
    private const int Requests = 1000;
    private const int WhosOutCalls = 300;

    public static async Task RunAsync()
    {
        var concurrency = int.Parse(Environment.GetEnvironmentVariable("OOBC_BENCH_CONCURRENCY") ?? "4", System.Globalization.CultureInfo.InvariantCulture);
        var user = new TestCurrentUser();
        using var counter = new StatementCounter();
        await using var app = new OobcAppFactory(
            await PostgresServer.CreateDatabaseAsync("bench"),
            new Dictionary<string, string?>
            {
                ["Scheduler:Enabled"] = "false",
                ["Outbox:DispatcherEnabled"] = "true",
                ["Logging:LogLevel:Default"] = "Error",
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "None",
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = Environment.GetEnvironmentVariable("OOBC_BENCH_SQL") == "1" ? "Information" : "None",
            },
            s => s.AddScoped<ICurrentUser>(_ => user));
        app.Start();
        var directory = app.Services.GetRequiredService<IUserDirectory>();
        var manager = (await directory.InRoleAsync(Roles.Manager, CancellationToken.None))[0];
        var people = await CreateOfficeAsync(app.Services, manager);
        var today = WallClock.Today(TimeProvider.System, OfficeTime.DefaultTimeZoneId);
        await SeedTwoYearsAsync(app.Services, people, today);

        async Task<T> Send<T>(DirectoryUser who, IMessage message)
        {
            user.ActAs(who.Id, [.. who.Roles]);
            await using var scope = app.Services.CreateAsyncScope();
            return (T)(await scope.ServiceProvider.GetRequiredService<IMediator>().Send(message))!;
        }

        async Task<T> Counted<T>(DirectoryUser who, IMessage message, List<StatementCounter.Counts> counts)
        {
            var mine = StatementCounter.Start();
            var result = await Send<T>(who, message);
            lock (counts)
            {
                counts.Add(mine);
            }

            return result;
        }

        var staff = await directory.GetManyAsync(people, CancellationToken.None);
        Guid withoutPay;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<LeaveDbContext>>().CreateDbContextAsync())
        {
            withoutPay = await db.LeaveTypes.Where(t => t.Settings.Code == CivilServiceLeaveTypes.WithoutPay).Select(t => t.Id).SingleAsync();
        }

        // Each request its own person and week, a year ahead (after the seeded leave): no overlap, no notice rule.
        var firstMonday = today.AddDays(400 - (int)today.AddDays(400).DayOfWeek + 1);
        SubmitLeaveRequest Request(int n) =>
            new(withoutPay, firstMonday.AddDays(7 * (n / People)), firstMonday.AddDays(7 * (n / People) + 1), DayPart.Full, DayPart.Full, "bench");
        var warm = -1;
        var latencies = new List<double>();
        var requestCounts = new List<StatementCounter.Counts>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref warm)) < 25 * concurrency)
            {
                await Send<LeaveRequestReceipt>(staff[i % People], Request(Requests + People * 4 + i));
            }
        })));
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            var local = new List<double>();
            int n;
            while ((n = Interlocked.Increment(ref next)) < Requests)
            {
                var watch = Stopwatch.StartNew();
                await Counted<LeaveRequestReceipt>(staff[n % People], Request(n), requestCounts);
                local.Add(watch.Elapsed.TotalMilliseconds);
            }

            lock (latencies)
            {
                latencies.AddRange(local);
            }
        })));

        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var monthEnd = monthStart.AddMonths(1).AddDays(-1);
        var viewer = staff[0];
        var outCount = 0;
        for (var i = 0; i < 20; i++)
        {
            outCount = (await Send<IReadOnlyList<PersonOut>>(viewer, new GetWhosOut(monthStart, monthEnd))).Count;
        }

        var whosOut = new List<double>();
        var whosOutCounts = new List<StatementCounter.Counts>();
        for (var i = 0; i < WhosOutCalls; i++)
        {
            var watch = Stopwatch.StartNew();
            await Counted<IReadOnlyList<PersonOut>>(viewer, new GetWhosOut(monthStart, monthEnd), whosOutCounts);
            whosOut.Add(watch.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine($"leave_request_p50_ms: {Stats.Percentile(latencies, 0.50):F1}");
        Console.WriteLine($"leave_request_p95_ms: {Stats.Percentile(latencies, 0.95):F1}");
        Console.WriteLine($"leave_request_statements: {requestCounts.Average(c => c.Statements):F1}");
        Console.WriteLine($"leave_request_directory_statements: {requestCounts.Average(c => c.Directory):F1}");
        Console.WriteLine($"whos_out_rows: {outCount}");
        Console.WriteLine($"whos_out_p50_ms: {Stats.Percentile(whosOut, 0.50):F1}");
        Console.WriteLine($"whos_out_p95_ms: {Stats.Percentile(whosOut, 0.95):F1}");
        Console.WriteLine($"whos_out_statements: {whosOutCounts.Average(c => c.Statements):F1}");
        Console.WriteLine($"whos_out_directory_statements: {whosOutCounts.Average(c => c.Directory):F1}");
    }

    /// <summary>500 staff in the manager's unit, reporting to them (no passwords: nobody signs in).</summary>
    private static async Task<List<Guid>> CreateOfficeAsync(IServiceProvider services, DirectoryUser manager)
    {
        var ids = new List<Guid>();
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        for (var i = 0; i < People; i++)
        {
            var email = $"bench.{i:000}@oobc.gov.ph";
            var user = new ApplicationUser
            {
                Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Bench Person {i:000}",
                OrganisationUnitId = manager.OrganisationUnitId, ManagerId = manager.Id, CreatedAt = DateTimeOffset.UtcNow,
            };
            Check(await users.CreateAsync(user));
            Check(await users.AddToRoleAsync(user, Roles.Staff));
            ids.Add(user.Id);
        }

        return ids;
    }

    /// <summary>
    /// Two years of approved leave up to this month: each person one to three working days a month, on a day of the
    /// month that differs by person, so this month's "Who's out" has hundreds of rows as a real office would.
    /// </summary>
    private static async Task SeedTwoYearsAsync(IServiceProvider services, List<Guid> people, DateOnly today)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<LeaveDbContext>>().CreateDbContextAsync();
        var sql = """
            INSERT INTO leave.leave_requests (id, person_id, leave_type_id, first_day, last_day, first_day_part, last_day_part, held_from, held_until,
                days, reason, status, stage, needs_second_approval, created_at, decided_by, decided_at)
            SELECT gen_random_uuid(), p.id, t.id, d.first, d.first + (p.n::int % 3), 'Full', 'Full', d.first::timestamp, (d.first + (p.n::int % 3) + 1)::timestamp,
                (p.n::int % 3) + 1, 'bench', 'Approved', 'Manager', false, now(), p.id, now()
            FROM unnest({0}::uuid[]) WITH ORDINALITY AS p(id, n)
            CROSS JOIN generate_series(0, 23) AS m(k)
            CROSS JOIN LATERAL (SELECT (date_trunc('month', {1}::date) - make_interval(months => m.k))::date + (p.n % 25)::int AS first) d
            CROSS JOIN LATERAL (SELECT id FROM leave.leave_types WHERE code = 'VL') t
            """;
        await db.Database.ExecuteSqlRawAsync(sql, people.ToArray(), today);
        await db.Database.ExecuteSqlRawAsync("ANALYZE leave.leave_requests");
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
