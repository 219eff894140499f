using System.Diagnostics;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Host.Identity;
using OobcCalendar.Modules.Attendance.Contracts;
using OobcCalendar.Modules.Attendance.Features.CheckIns;
using OobcCalendar.Modules.Attendance.Features.Lists;
using OobcCalendar.Modules.Attendance.Features.Tickets;
using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Shared.IntegrationEvents;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.UI;
using OobcCalendar.Shared.Users;
using OobcCalendar.Testing;

namespace OobcCalendar.Benchmarks;

/// <summary>
/// Attendance (issue 12): ticket scans against one event, 4 concurrent, through the mediator with the outbox dispatcher
/// running, while two desk screens listen on the desk's live topic and re-read the desk view as the desk page does:
/// through a <see cref="CoalescingRefresh"/>, so notices heard during a reload are covered by one more. Prints "name: value" lines.
/// </summary>
internal static class AttendanceBench
{
    private const int People = 600;
    private const int WarmUpScans = 40;

    public static async Task RunAsync()
    {
        var concurrency = int.Parse(Environment.GetEnvironmentVariable("OOBC_BENCH_CONCURRENCY") ?? "4", System.Globalization.CultureInfo.InvariantCulture);
        var user = new TestCurrentUser();
        await using var app = new OobcAppFactory(
            await PostgresServer.CreateDatabaseAsync("bench"),
            new Dictionary<string, string?>
            {
                ["Scheduler:Enabled"] = "false",
                ["Outbox:DispatcherEnabled"] = "true",
                ["Logging:LogLevel:Default"] = "Error",
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "None",
            },
            s => s.AddScoped<ICurrentUser>(_ => user));
        app.Start();
        var directory = app.Services.GetRequiredService<IUserDirectory>();
        var organizer = (await directory.InRoleAsync(Roles.Manager, CancellationToken.None))[0];
        user.ActAs(organizer.Id, [.. organizer.Roles]);
        var people = await CreatePeopleAsync(app.Services, organizer);

        async Task<T> Send<T>(IMessage message)
        {
            await using var scope = app.Services.CreateAsyncScope();
            return (T)(await scope.ServiceProvider.GetRequiredService<IMediator>().Send(message))!;
        }

        // Two events happening now (check-in open): one to warm up on, one measured. Known to Attendance's read model
        // through its registered consumer, as the outbox dispatcher would deliver Scheduling's announcement.
        var warmList = await OpenListAsync(app.Services, Send<Guid>, organizer, people);
        var list = await OpenListAsync(app.Services, Send<Guid>, organizer, people);
        var warmTickets = (await Send<TicketSheet>(new IssueAllTickets(warmList))).Tickets.Select(t => t.Token).ToList();
        var tickets = (await Send<TicketSheet>(new IssueAllTickets(list))).Tickets.Select(t => t.Token).ToList();

        var hub = app.Services.GetRequiredService<ILiveUpdates>();
        var desks = Enumerable.Range(0, 2).Select(_ => new ListeningDesk(list, m =>
        {
            // The notice arrives on the listener's flow, not this one: act as the desk's user there, as a circuit does.
            user.ActAs(organizer.Id, [.. organizer.Roles]);
            return Send<DeskView>(m);
        })).ToList();
        var subscriptions = desks.Select(d => hub.Subscribe([AttendanceTopics.Lists], organizer.Id, d.HearAsync)).ToList();

        var warm = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref warm)) < WarmUpScans)
            {
                await Send<CheckInResult>(new CheckInAttendee(warmList, warmTickets[i], null, "desk 1"));
            }
        })));

        // Each scan's commit is the moment its Send returns (the handler commits last).
        var committed = new List<long>();
        var next = -1;
        var recorded = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < tickets.Count)
            {
                var result = await Send<CheckInResult>(new CheckInAttendee(list, tickets[i], null, $"desk {w % 2 + 1}"));
                var at = Stopwatch.GetTimestamp();
                if (result.Outcome == CheckInOutcome.CheckedIn)
                {
                    Interlocked.Increment(ref recorded);
                    lock (committed)
                    {
                        committed.Add(at);
                    }
                }
            }
        })));
        var elapsed = watch.Elapsed;
        foreach (var desk in desks)
        {
            await desk.WaitForAsync(recorded, TimeSpan.FromSeconds(60));
        }

        subscriptions.ForEach(s => s.Dispose());

        // NOTIFY delivers notices in commit order and each check-in sends one, so a desk's k-th notice is the k-th
        // commit's: pair them in order (a notice may arrive just before its Send has returned; that counts as 0 ms).
        committed.Sort();
        var told = new List<double>();
        var shown = new List<double>();
        foreach (var desk in desks)
        {
            for (var k = 0; k < committed.Count; k++)
            {
                told.Add(Math.Max(0, Stopwatch.GetElapsedTime(committed[k], desk.Heard[k]).TotalMilliseconds));
                shown.Add(Math.Max(0, Stopwatch.GetElapsedTime(committed[k], desk.ShownAt(k)).TotalMilliseconds));
            }
        }

        Console.WriteLine($"checkins_recorded: {recorded} of {tickets.Count}");
        Console.WriteLine($"checkins_per_s: {recorded / elapsed.TotalSeconds:F1}");
        Console.WriteLine($"checkin_to_desk_p50_ms: {Stats.Percentile(told, 0.50):F1}");
        Console.WriteLine($"checkin_to_desk_p95_ms: {Stats.Percentile(told, 0.95):F1}");
        Console.WriteLine($"checkin_to_desk_refreshed_p95_ms: {Stats.Percentile(shown, 0.95):F1}");
        Console.WriteLine($"desk_reloads: {string.Join(" / ", desks.Select(d => d.Reloads))} for {recorded} notices each");
    }

    private static async Task<Guid> OpenListAsync(IServiceProvider services, Func<IMessage, Task<Guid>> send, DirectoryUser organizer, List<Guid> people)
    {
        var now = DateTimeOffset.UtcNow;
        var snapshot = new EventSnapshot(Guid.NewGuid(), "Bench consultation", "Hall A", organizer.Id, people, now.AddMinutes(-5), now.AddHours(3),
            "Asia/Manila", false, null, [], "Public", null);
        await using (var scope = services.CreateAsyncScope())
        {
            var announced = new EventScheduledIntegrationEvent(snapshot, null) { OccurredAt = now };
            foreach (var handler in scope.ServiceProvider.GetServices<IIntegrationEventHandler<EventScheduledIntegrationEvent>>())
            {
                await handler.HandleAsync(announced, CancellationToken.None);
            }
        }

        return await send(new OpenAttendance(snapshot.EventId, snapshot.StartUtc, true, true, false, 30));
    }

    /// <summary>Staff expected at the event (no passwords: nobody signs in).</summary>
    private static async Task<List<Guid>> CreatePeopleAsync(IServiceProvider services, DirectoryUser organizer)
    {
        var ids = new List<Guid>();
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        for (var i = 0; i < People; i++)
        {
            var email = $"attendee.{i:000}@oobc.gov.ph";
            var user = new ApplicationUser
            {
                Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Attendee {i:000}",
                OrganisationUnitId = organizer.OrganisationUnitId, CreatedAt = DateTimeOffset.UtcNow,
            };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            }

            ids.Add(user.Id);
        }

        return ids;
    }

    /// <summary>
    /// A desk screen: notes when each notice for its list arrives and asks for a reload through the same
    /// <see cref="CoalescingRefresh"/> the desk page uses (ADR 0029): a notice heard while a reload runs is covered by the
    /// one reload after it. A notice counts as shown when the reload covering it has finished.
    /// </summary>
    private sealed class ListeningDesk
    {
        private readonly CoalescingRefresh refresh;
        private readonly Lock gate = new();
        private readonly Dictionary<int, long> shown = [];
        private readonly TaskCompletionSource caughtUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int expected = int.MaxValue;
        private int shownCount;

        public ListeningDesk(Guid listId, Func<IMessage, Task<DeskView>> send)
        {
            ListId = listId;
            refresh = new CoalescingRefresh(async () =>
            {
                try
                {
                    await send(new GetDeskView(listId));
                }
                catch (Exception ex)
                {
                    Failure ??= ex;
                    throw;
                }
            });
        }

        public Guid ListId { get; }

        public List<long> Heard { get; } = [];

        /// <summary>When the reload covering the k-th notice finished.</summary>
        public long ShownAt(int k)
        {
            lock (gate)
            {
                return shown[k];
            }
        }

        public int Reloads => refresh.Started;

        public Exception? Failure { get; private set; }

        public async Task HearAsync(LiveUpdate update)
        {
            if (update.Key != ListId.ToString() || update.Kind != "checked-in")
            {
                return;
            }

            int k;
            lock (gate)
            {
                k = Heard.Count;
                Heard.Add(Stopwatch.GetTimestamp());
            }

            await refresh.RequestAsync();
            lock (gate)
            {
                shown[k] = Stopwatch.GetTimestamp();
            }

            if (Interlocked.Increment(ref shownCount) >= Volatile.Read(ref expected))
            {
                caughtUp.TrySetResult();
            }
        }

        public async Task WaitForAsync(int count, TimeSpan timeout)
        {
            Volatile.Write(ref expected, count);
            if (Volatile.Read(ref shownCount) >= count)
            {
                caughtUp.TrySetResult();
            }

            try
            {
                await caughtUp.Task.WaitAsync(timeout);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"A desk heard {Heard.Count} and showed {shownCount} of {count} check-ins.", Failure);
            }
        }
    }
}
