using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OobcCalendar.Modules.Attendance.Features.CheckIns;
using OobcCalendar.Modules.Attendance.Features.Lists;
using OobcCalendar.Modules.Attendance.Features.Tickets;
using OobcCalendar.Modules.Attendance.Persistence;
using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Shared.IntegrationEvents;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace OobcCalendar.E2E.Tests;

/// <summary>
/// The offline scanner (ADR 0030) in Chromium: a desk opens it, the list and page are kept, the network goes, two
/// tickets are scanned (one of them checked in at another desk meanwhile), the page reloads from the service worker,
/// the network comes back and the queue drains; the server's verdicts replace the local ones.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OfflineScannerJourneyTests(BrowserFixture fixture)
{
    private const string Desk = "desk1@oobc.gov.ph";
    private const string OtherDesk = "desk2@oobc.gov.ph";

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task OfflineScanner_WhenScansAreMadeOffline_ThenTheyAreKeptAndSyncedWithTheServersVerdicts(string size)
    {
        var viewport = size == "phone" ? BrowserFixture.Phone : BrowserFixture.Desktop;
        var first = $"Offline First {size}";
        var second = $"Offline Second {size}";
        var firstId = await IdOfAsync(await fixture.CreateFreshUserAsync(first));
        var secondId = await IdOfAsync(await fixture.CreateFreshUserAsync(second));
        var listId = await OpenAttendanceAsync(size, firstId, secondId);
        var firstTicket = (await fixture.SendAsAsync<IssuedTicket>(Desk, new IssueTicket(listId, firstId))).Token;
        var secondTicket = (await fixture.SendAsAsync<IssuedTicket>(Desk, new IssueTicket(listId, secondId))).Token;

        var (context, page) = await fixture.NewSignedInPageAsync(Desk, $"/attendance/offline/{listId}", viewport, interactive: false);
        await using var _ = context;
        await Expect(page.GetByTestId("cache-state")).ToHaveAttributeAsync("data-ready", "true");
        await Expect(page.GetByTestId("offline-title")).ToHaveTextAsync($"Offline scanner journey ({size})");
        await page.GetByTestId("offline-desk-name").FillAsync("scanner e2e");
        await page.GetByTestId("offline-desk-name").DispatchEventAsync("change");
        await ShotAsync(page, $"attendance-offline-online-{size}");

        await context.SetOfflineAsync(true);
        await Expect(page.GetByTestId("net-state")).ToHaveTextAsync("Offline");
        // Meanwhile, at a desk that is online, the second person arrives first.
        var elsewhere = await fixture.SendAsAsync<CheckInResult>(OtherDesk, new CheckInAttendee(listId, null, secondId, "desk 2"));
        await ScanAsync(page, firstTicket);
        await Expect(page.GetByTestId("offline-verdict")).ToContainTextAsync($"{first} Checked in");
        await ScanAsync(page, secondTicket);
        await Expect(page.GetByTestId("offline-verdict")).ToContainTextAsync($"{second} Checked in");
        await ScanAsync(page, firstTicket);
        await Expect(page.GetByTestId("offline-verdict")).ToContainTextAsync("Already checked in here at");
        await Expect(page.GetByTestId("queued-count")).ToHaveTextAsync("2 queued");
        await ShotAsync(page, $"attendance-offline-queued-{size}");

        // The page reloads with no network: the shell from the service worker's cache, the list and queue from IndexedDB.
        var reload = await page.ReloadAsync();
        reload.ShouldNotBeNull().FromServiceWorker.ShouldBeTrue();
        await Expect(page.GetByTestId("queued-count")).ToHaveTextAsync("2 queued");
        await Expect(page.GetByTestId("offline-title")).ToHaveTextAsync($"Offline scanner journey ({size})");
        await Expect(page.GetByTestId("offline-scan")).ToHaveCountAsync(3);
        (await WorkerReachesServerAsync(page)).ShouldBeFalse("the worker itself is offline, so the reload came from its cache");
        (await CheckInsAsync(listId)).ShouldBe([(secondId, "desk 2")], "nothing reached the server while offline");

        await context.SetOfflineAsync(false);
        await Expect(page.GetByTestId("queued-count")).ToHaveTextAsync("0 queued");
        var rows = page.GetByTestId("offline-scan");
        await Expect(rows.Filter(new() { HasText = first }).And(page.Locator("[data-status='checked-in']"))).ToHaveCountAsync(1);
        await Expect(rows.Filter(new() { HasText = second }).And(page.Locator("[data-status='already-checked-in']")))
            .ToContainTextAsync($"Already checked in at {TimeText.Time(elsewhere.CheckedInAt, OfficeTime.Zone("Asia/Manila"))} (desk 2).");
        await Expect(page.GetByTestId("net-state")).ToHaveTextAsync("Online");
        await ShotAsync(page, $"attendance-offline-synced-{size}");

        (await CheckInsAsync(listId)).OrderBy(c => c.Desk).ShouldBe([(secondId, "desk 2"), (firstId, "scanner e2e")]);
        var (deskContext, desk) = await fixture.NewSignedInPageAsync(OtherDesk, $"/attendance/desk/{listId}", viewport);
        await using var __ = deskContext;
        await Expect(desk.GetByTestId("count-checked-in")).ToHaveTextAsync("2");
        await Expect(desk.GetByTestId("last-scan").Filter(new() { HasText = first })).ToContainTextAsync("scanner e2e");
        // The desk's link leaves the Blazor page for the plain one (a full page load, not the circuit's router).
        await desk.GetByTestId("offline-scanner-link").ClickAsync();
        await Expect(desk.GetByTestId("cache-state")).ToHaveAttributeAsync("data-ready", "true");
        await Expect(desk.GetByTestId("queued-count")).ToHaveTextAsync("0 queued");
    }

    private static async Task ScanAsync(IPage page, string code)
    {
        await page.GetByTestId("offline-scan-input").FillAsync(code);
        await page.GetByTestId("offline-scan-input").PressAsync("Enter");
    }

    // Asks the service worker to fetch the page (its "keep" message): false when the worker's own network is down too.
    private static Task<bool> WorkerReachesServerAsync(IPage page) => page.EvaluateAsync<bool>("""
        async () => {
            const registration = await navigator.serviceWorker.ready;
            const channel = new MessageChannel();
            const answer = new Promise(resolve => { channel.port1.onmessage = e => resolve(e.data); });
            registration.active.postMessage({ type: 'keep', urls: [location.pathname] }, [channel.port2]);
            return (await answer).ok === true;
        }
        """);

    private async Task<List<(Guid? PersonId, string Desk)>> CheckInsAsync(Guid listId)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AttendanceDbContext>>().CreateDbContextAsync();
        return (await db.CheckIns.AsNoTracking().Where(c => c.ListId == listId).Select(c => new { c.PersonId, c.Desk }).ToListAsync())
            .Select(c => (c.PersonId, c.Desk)).ToList();
    }

    private async Task ShotAsync(IPage page, string name)
    {
        var path = Path.Combine(fixture.ScreenshotFolder, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Animations = ScreenshotAnimations.Disabled });
    }

    /// <summary>An event from a few minutes ago for two hours, announced to Attendance as Scheduling would, with attendance on.</summary>
    private async Task<Guid> OpenAttendanceAsync(string size, params Guid[] people)
    {
        var organizer = await IdOfAsync("manager.ops@oobc.gov.ph");
        var now = DateTimeOffset.UtcNow;
        var start = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(-10);
        var snapshot = new EventSnapshot(Guid.NewGuid(), $"Offline scanner journey ({size})", "Hall B", organizer, people, start, start.AddHours(2), "Asia/Manila", false, null, [], "Normal", null);
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var consumer = scope.ServiceProvider.GetServices<IIntegrationEventHandler<EventScheduledIntegrationEvent>>()
                .Single(h => h.GetType().Namespace!.StartsWith("OobcCalendar.Modules.Attendance", StringComparison.Ordinal));
            await consumer.HandleAsync(new EventScheduledIntegrationEvent(snapshot, null) { OccurredAt = now }, CancellationToken.None);
        }

        return await fixture.SendAsAsync<Guid>("manager.ops@oobc.gov.ph", new OpenAttendance(snapshot.EventId, start, true, true, true, 30));
    }

    private async Task<Guid> IdOfAsync(string email)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IUserDirectory>().SearchAsync(email, 1, CancellationToken.None)).Single().Id;
    }
}
