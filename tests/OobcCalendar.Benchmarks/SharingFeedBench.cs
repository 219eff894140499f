using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Features.Events;
using OobcCalendar.Modules.Scheduling.Features.OccurrenceIndex;
using OobcCalendar.Modules.Scheduling.Persistence;
using OobcCalendar.Modules.Sharing.Domain;
using OobcCalendar.Modules.Sharing.Features.Feeds;
using OobcCalendar.Modules.Sharing.Features.Links;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Users;
using OobcCalendar.Testing;

namespace OobcCalendar.Benchmarks;

/// <summary>
/// The share feed (issue 13): a unit's calendar of 2,000 events and 200 series (some with moved and cancelled
/// occurrences, made through Scheduling's own commands), shared at the details level, read as .ics over real HTTP from a
/// real Kestrel host by 20 concurrent clients, as subscribers poll it: without validators (200 with the body), with
/// If-None-Match (304), and right after a change (the feed is composed again). Prints "name: value" lines.
/// </summary>
internal static class SharingFeedBench
{
    private const int SingleEvents = 2_000;
    private const int Series = 200;
    private const int ChangedSeries = 40;
    private const int Clients = 20;
    private const int Rounds = 20;
    private const int ColdRounds = 10;

    /// <summary>Whether clients ask for gzip, as Google's and Outlook's pollers do (OOBC_BENCH_GZIP=0: they do not).</summary>
    private static readonly bool Gzip = Environment.GetEnvironmentVariable("OOBC_BENCH_GZIP") != "0";

    public static async Task RunAsync()
    {
        var user = new TestCurrentUser();
        await using var app = new OobcAppFactory(
            await PostgresServer.CreateDatabaseAsync("bench_sharing"),
            new Dictionary<string, string?>
            {
                ["Scheduler:Enabled"] = "false",
                ["Outbox:DispatcherEnabled"] = "false",
                ["Logging:LogLevel:Default"] = "Error",
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "None",
                // The limiter still runs on every request; only its ceilings are lifted for 20 clients polling flat out.
                ["RateLimits:ShareToken:PermitLimit"] = "10000000",
                ["RateLimits:ShareAddress:PermitLimit"] = "10000000",
            },
            s => s.AddTestUserOutsideRequests(user),
            useKestrel: true);
        var address = app.Start();
        var directory = app.Services.GetRequiredService<IUserDirectory>();
        var everyone = await directory.SearchAsync("oobc.gov.ph", 50, CancellationToken.None);
        var manager = everyone.Single(u => u.Email == "manager.ops@oobc.gov.ph");
        var members = everyone.Where(u => u.OrganisationUnitId == manager.OrganisationUnitId).ToList();

        async Task<T> Send<T>(DirectoryUser actor, IMessage message)
        {
            user.ActAs(actor.Id, [.. actor.Roles]);
            await using var scope = app.Services.CreateAsyncScope();
            return (T)(await scope.ServiceProvider.GetRequiredService<IMediator>().Send(message))!;
        }

        var seedClock = Stopwatch.StartNew();
        var changeable = await SeedAsync(app.Services, members, everyone, DateTimeOffset.UtcNow, Send<object>);
        Console.WriteLine($"share_seed_s: {seedClock.Elapsed.TotalSeconds:F1}");
        var link = await Send<CreatedShareLink>(manager, new CreateShareLink(ShareScope.Unit, manager.OrganisationUnitId, ShareModules.All, ShareDetailLevel.Details, "Bench partners"));
        var url = new Uri(address, $"/share/{link.Token}.ics");

        var clients = Enumerable.Range(0, Clients).Select(_ => new HttpClient(new SocketsHttpHandler { AutomaticDecompression = Gzip ? DecompressionMethods.GZip : DecompressionMethods.None })).ToList();
        var first = await clients[0].GetAsync(url);
        var body = await first.Content.ReadAsByteArrayAsync();
        if (first.StatusCode != HttpStatusCode.OK || first.Headers.ETag is not { } etag)
        {
            throw new InvalidOperationException($"The feed answered {first.StatusCode} without an ETag.");
        }

        var text = Encoding.UTF8.GetString(body);
        Console.WriteLine($"share_feed_gzip: {(Gzip ? 1 : 0)}");
        Console.WriteLine($"share_feed_bytes: {body.Length}");
        using (var raw = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None }))
        using (var request = new HttpRequestMessage(HttpMethod.Get, url))
        {
            if (Gzip)
            {
                request.Headers.AcceptEncoding.ParseAdd("gzip");
            }

            Console.WriteLine($"share_feed_wire_bytes: {(await (await raw.SendAsync(request)).Content.ReadAsByteArrayAsync()).Length}");
        }
        Console.WriteLine($"share_feed_vevents: {Count(text, "BEGIN:VEVENT")}");
        Console.WriteLine($"share_feed_rrules: {Count(text, "\r\nRRULE:")}");
        Console.WriteLine($"share_feed_overrides: {Count(text, "\r\nRECURRENCE-ID")}");

        await using (var scope = app.Services.CreateAsyncScope())
        {
            // What a composition costs alone (one at a time), and the part of it that is Scheduling's .ics of the events.
            var access = await Send<ShareAccess>(manager, new OpenShareLink(link.Token, null, CountView: false));
            var composer = scope.ServiceProvider.GetRequiredService<ShareCalendarComposer>();
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            var owners = members.Select(m => m.Id).ToList();
            var compose = new List<double>();
            var events = new List<double>();
            for (var i = 0; i < 6; i++)
            {
                var watch = Stopwatch.StartNew();
                await composer.ComposeAsync(access, CancellationToken.None);
                compose.Add(watch.Elapsed.TotalMilliseconds);
                watch.Restart();
                await mediator.Send(new GetCalendarIcs(owners, DateTimeOffset.UtcNow - ShareCalendarComposer.Past, DateTimeOffset.UtcNow + ShareCalendarComposer.Ahead, IcsDetailLevel.PublicDetails));
                events.Add(watch.Elapsed.TotalMilliseconds);
            }

            Console.WriteLine($"share_compose_ms: {Stats.Percentile(compose.Skip(1), 0.5):F1}");
            Console.WriteLine($"share_compose_events_ics_ms: {Stats.Percentile(events.Skip(1), 0.5):F1}");
        }

        var full = await MeasureAsync(clients, url, null, Rounds);
        Console.WriteLine($"share_feed_requests: {full.Count}");
        Console.WriteLine($"share_feed_p50_ms: {Stats.Percentile(full, 0.5):F1}");
        Console.WriteLine($"share_feed_p95_ms: {Stats.Percentile(full, 0.95):F1}");

        var notModified = await MeasureAsync(clients, url, etag, Rounds * 2);
        Console.WriteLine($"share_feed_304_requests: {notModified.Count}");
        Console.WriteLine($"share_feed_304_p50_ms: {Stats.Percentile(notModified, 0.5):F1}");
        Console.WriteLine($"share_feed_304_p95_ms: {Stats.Percentile(notModified, 0.95):F1}");
        Console.WriteLine($"share_feed_304_statements: {await StatementsPerRequestAsync(clients[0], url, etag):F1}");

        // After a change every poller's next request finds no feed to answer from: the first composes it, the others wait for it.
        var hub = app.Services.GetRequiredService<ILiveUpdates>();
        var cold = new List<double>();
        for (var round = 0; round < ColdRounds; round++)
        {
            var (organizer, changed) = changeable[round];
            var title = $"Changed {round} {Guid.NewGuid():N}";
            var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (hub.Subscribe([SchedulingTopics.Events], _ =>
            {
                heard.TrySetResult();
                return Task.CompletedTask;
            }))
            {
                await Send<Guid>(organizer, new UpdateEvent(changed.Id, null, EditScope.Series, Retitled(changed, title)));
                await heard.Task.WaitAsync(TimeSpan.FromSeconds(10));
            }

            var timings = await Task.WhenAll(clients.Select(c => Task.Run(async () =>
            {
                var watch = Stopwatch.StartNew();
                var answer = await c.GetStringAsync(url);
                var elapsed = watch.Elapsed.TotalMilliseconds;
                return answer.Contains(title, StringComparison.Ordinal) ? elapsed
                    : throw new InvalidOperationException("A feed read after a change did not show it.");
            })));
            cold.AddRange(timings);
        }

        Console.WriteLine($"share_feed_after_change_p50_ms: {Stats.Percentile(cold, 0.5):F1}");
        Console.WriteLine($"share_feed_after_change_p95_ms: {Stats.Percentile(cold, 0.95):F1}");
        clients.ForEach(c => c.Dispose());
    }

    /// <summary>Each client sends <paramref name="rounds"/> requests one after another (after 5 to warm up), all clients at once.</summary>
    private static async Task<List<double>> MeasureAsync(List<HttpClient> clients, Uri url, EntityTagHeaderValue? etag, int rounds)
    {
        var expected = etag is null ? HttpStatusCode.OK : HttpStatusCode.NotModified;
        async Task<double> Once(HttpClient client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (etag is not null)
            {
                request.Headers.IfNoneMatch.Add(etag);
            }

            var watch = Stopwatch.StartNew();
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            var elapsed = watch.Elapsed.TotalMilliseconds;
            return response.StatusCode == expected ? elapsed : throw new InvalidOperationException($"Expected {expected}, got {response.StatusCode}.");
        }

        var all = await Task.WhenAll(clients.Select(c => Task.Run(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                await Once(c);
            }

            var mine = new List<double>();
            for (var i = 0; i < rounds; i++)
            {
                mine.Add(await Once(c));
            }

            return mine;
        })));
        return all.SelectMany(x => x).ToList();
    }

    /// <summary>SQL statements the host sends per 304 (nothing else runs: no scheduler, no outbox dispatcher).</summary>
    private static async Task<double> StatementsPerRequestAsync(HttpClient client, Uri url, EntityTagHeaderValue etag)
    {
        const int requests = 50;
        var count = 0;
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStarted = _ => Interlocked.Increment(ref count),
        };
        ActivitySource.AddActivityListener(listener);
        for (var i = 0; i < requests; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.IfNoneMatch.Add(etag);
            using var response = await client.SendAsync(request);
        }

        return (double)count / requests;
    }

    private static int Count(string text, string what)
    {
        var (count, at) = (0, 0);
        while ((at = text.IndexOf(what, at, StringComparison.Ordinal)) >= 0)
        {
            (count, at) = (count + 1, at + what.Length);
        }

        return count;
    }

    private static EventDraft Retitled(CalendarEvent e, string title) =>
        new(title, e.Description, e.Location, e.StartUtc, e.EndUtc, e.TimeZoneId, e.AllDay, e.CategoryId, e.Visibility,
            e.Participants.Select(p => p.UserId).ToList(), e.ReminderMinutes, e.RecurrenceRule);

    /// <summary>
    /// 2,000 events and 200 series of the unit's members, written as Scheduling writes them (entity and occurrence index,
    /// as <see cref="MonthFeedBench"/> seeds); then one occurrence moved and one cancelled in <see cref="ChangedSeries"/>
    /// series through Scheduling's own commands. Answers single events to change later, with their organizers.
    /// </summary>
    private static async Task<List<(DirectoryUser Organizer, CalendarEvent Event)>> SeedAsync(
        IServiceProvider services, List<DirectoryUser> members, IReadOnlyList<DirectoryUser> everyone, DateTimeOffset now, Func<DirectoryUser, IMessage, Task<object>> send)
    {
        var random = new Random(13);
        var zone = OfficeTime.Zone(OfficeTime.DefaultTimeZoneId);
        var today = TimeZoneInfo.ConvertTime(now, zone).Date;
        DateTimeOffset Slot(int dayFrom, int dayTo) =>
            new DateTimeOffset(today, zone.BaseUtcOffset).AddDays(random.Next(dayFrom, dayTo)).AddHours(8 + random.Next(0, 9)).AddMinutes(30 * random.Next(0, 2));
        EventVisibility Visibility() => random.Next(20) switch { 0 => EventVisibility.Private, 1 => EventVisibility.BusyOnly, _ => EventVisibility.Normal };
        EventDraft Draft(string title, DateTimeOffset start, string? rule) => new(
            title, $"Agenda for {title}", "Room " + random.Next(1, 20), start, start.AddMinutes(30 * random.Next(1, 4)), OfficeTime.DefaultTimeZoneId, false, null,
            Visibility(), Enumerable.Range(0, random.Next(0, 4)).Select(_ => everyone[random.Next(everyone.Count)].Id).Distinct().ToList(), [15], rule);
        string Rule(DateTimeOffset start, int i)
        {
            var day = start.DayOfWeek.ToString()[..2].ToUpperInvariant();
            return (i % 4) switch { 0 => $"FREQ=WEEKLY;BYDAY={day}", 1 => $"FREQ=WEEKLY;INTERVAL=2;BYDAY={day}", 2 => "FREQ=DAILY;COUNT=20", _ => "FREQ=MONTHLY" };
        }

        var drafts = new List<(DirectoryUser Organizer, EventDraft Draft)>();
        for (var i = 0; i < SingleEvents; i++)
        {
            drafts.Add((members[random.Next(members.Count)], Draft($"Event {i}", Slot(-30, 360), null)));
        }

        for (var i = 0; i < Series; i++)
        {
            var start = Slot(-60, 30);
            // The series whose occurrences are changed below are weekly and begin within the next week.
            start = i < ChangedSeries ? Slot(1, 8) : start;
            drafts.Add((members[random.Next(members.Count)], Draft($"Series {i}", start, i < ChangedSeries ? Rule(start, 0) : Rule(start, i))));
        }

        var created = new List<(DirectoryUser Organizer, CalendarEvent Event)>();
        foreach (var batch in drafts.Chunk(500))
        {
            await using var scope = services.CreateAsyncScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SchedulingDbContext>>().CreateDbContextAsync();
            var events = batch.Select(d => (d.Organizer, Event: CalendarEvent.Create(Guid.CreateVersion7(), d.Draft, d.Organizer.Id, d.Organizer.OrganisationUnitId, now))).ToList();
            db.Events.AddRange(events.Select(e => e.Event));
            await OccurrenceIndexWriter.SaveAsync(db, events.Select(e => e.Event).ToList(), now, CancellationToken.None);
            created.AddRange(events);
        }

        foreach (var (organizer, series) in created.Where(c => c.Event.IsRecurring).Take(ChangedSeries))
        {
            var occurrences = series.Occurrences(now, now.AddDays(60));
            var moved = occurrences[1].RecurrenceId;
            await send(organizer, new UpdateEvent(series.Id, moved, EditScope.Occurrence, Retitled(series, series.Title + " (moved)") with { Start = moved.AddDays(1).AddHours(2), End = moved.AddDays(1).AddHours(3), RecurrenceRule = null }));
            await send(organizer, new CancelEvent(series.Id, occurrences[3].RecurrenceId, EditScope.Occurrence));
        }

        await using (var scope = services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SchedulingDbContext>>().CreateDbContextAsync();
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE scheduling.events");
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE scheduling.occurrences");
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE scheduling.event_participants");
        }

        // Normal events only: the change must show at the details level.
        return created.Where(c => !c.Event.IsRecurring && c.Event.StartUtc > now && c.Event.Visibility == EventVisibility.Normal).Take(ColdRounds).ToList();
    }
}
