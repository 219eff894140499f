using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OobcCalendar.Modules.Attendance.Domain;
using OobcCalendar.Modules.Attendance.Features.Lists;
using OobcCalendar.Modules.Attendance.Persistence;
using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Shared.IntegrationEvents;
using OobcCalendar.Shared.Users;
using static Microsoft.Playwright.Assertions;

namespace OobcCalendar.E2E.Tests;

/// <summary>
/// Attendance reports in the browser: the trends page shows the rate per unit and month in a table beside a Chart.js
/// chart, an event's report shows its figures, and a participant is refused the event's report. Two past months of
/// 2023 of their own per size (no other journey puts lists there), at 1280 and 390 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AttendanceReportJourneyTests(BrowserFixture fixture)
{
    private const string Organizer = "manager.ops@oobc.gov.ph";
    private static readonly Guid Meeting = new("0193a000-0000-7000-8000-000000000001");
    private static readonly Guid Training = new("0193a000-0000-7000-8000-000000000002");

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task AttendanceReports_WhenAdminOpensTrendsAndAnEvent_ThenTableChartAndFiguresShow(string size)
    {
        var viewport = size == "phone" ? BrowserFixture.Phone : BrowserFixture.Desktop;
        var (first, second) = size == "phone" ? (8, 9) : (5, 6);
        var (staff1, staff4) = (await IdOfAsync("staff1@oobc.gov.ph"), await IdOfAsync("staff4@oobc.gov.ph"));
        // Month one: the organizer and staff 1 (Operations) came, staff 4 (Programs) did not; month two the other way round.
        var one = await PastEventAsync(new DateTime(2023, first, 15, 9, 0, 0), Meeting, $"Barangay consultation ({size})", staff1, staff4);
        await ArrivedAsync(one, await IdOfAsync(Organizer), -3);
        await ArrivedAsync(one, staff1, 7);
        var two = await PastEventAsync(new DateTime(2023, second, 15, 9, 0, 0), Training, $"Records training ({size})", staff1, staff4);
        await ArrivedAsync(two, staff4, 20);
        await WalkInAsync(two, "Hadja Lim", "Barangay Poblacion", 35);

        var range = $"from=2023-{first:00}-01&to=2023-{second:00}-28";
        var (context, page) = await fixture.NewSignedInPageAsync("admin@oobc.gov.ph", $"/attendance/reports?{range}", viewport);
        await using var _ = context;

        var table = page.GetByTestId("unit-month-table");
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(4);
        await Expect(table.GetByTestId("unit-month-rate")).ToHaveTextAsync(["100%", "0%", "0%", "100%"]);
        await Expect(table.Locator("tbody tr").First).ToContainTextAsync("Operations Division");
        // The chart drew the two months (Chart.js loaded from /lib and ran on the canvas).
        await Expect(page.GetByTestId("trend-chart").Locator("canvas")).ToHaveAttributeAsync("data-chart-drawn", "2");
        await Expect(page.GetByTestId("category-table")).ToContainTextAsync("Training");
        await Expect(page.GetByTestId("trends-xlsx")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"^/attendance/reports/trends\.xlsx\?from=2023-"));
        await Expect(page.GetByTestId("report-events")).ToContainTextAsync($"Records training ({size})");
        await ShotAsync(page, $"attendance-trends-{size}");

        await page.GetByTestId("report-event-link").Filter(new() { HasText = $"Records training ({size})" }).ClickAsync();
        await Expect(page.GetByTestId("event-rate")).ToHaveTextAsync("33.3%");
        await Expect(page.GetByTestId("event-attended")).ToHaveTextAsync("1 of 3");
        await Expect(page.GetByTestId("arrival-count")).ToHaveTextAsync(["0", "0", "0", "1", "1"]);
        await Expect(page.GetByTestId("no-shows")).ToContainTextAsync("Jamal Usman");
        await Expect(page.GetByTestId("walk-in-table")).ToContainTextAsync("Barangay Poblacion");
        await ShotAsync(page, $"attendance-event-report-{size}");

        // A participant of the event is refused its report, in words.
        var (staffContext, staffPage) = await fixture.NewSignedInPageAsync("staff1@oobc.gov.ph", $"/attendance/reports/event/{two.ListId}", viewport);
        await using var __ = staffContext;
        await Expect(staffPage.GetByTestId("event-report")).ToContainTextAsync("Only the event's organizer or an admin can see its attendance report.");

        // Staff see only their own events' reports (none here), never the trends.
        await staffPage.NavigateInAppAsync($"/attendance/reports?{range}");
        await Expect(staffPage.GetByTestId("attendance-reports")).ToContainTextAsync("None of your events in these dates had attendance turned on.");
        await Expect(staffPage.GetByTestId("unit-month-table")).ToHaveCountAsync(0);
        await Expect(staffPage.GetByTestId("trends-csv")).ToHaveCountAsync(0);
        await ShotAsync(staffPage, $"attendance-reports-staff-{size}");
    }

    private async Task ShotAsync(IPage page, string name)
    {
        if (page.ViewportSize?.Width == BrowserFixture.Phone.Width)
        {
            await page.WaitForDrawerClosedAsync();
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(fixture.ScreenshotFolder, $"{name}.png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });
    }

    private sealed record PastList(Guid ListId, DateTimeOffset StartUtc);

    /// <summary>A two-hour event at <paramref name="manilaStart"/>, announced to Attendance only, with attendance on.</summary>
    private async Task<PastList> PastEventAsync(DateTime manilaStart, Guid category, string title, params Guid[] people)
    {
        var start = new DateTimeOffset(manilaStart, TimeSpan.FromHours(8)).ToUniversalTime();
        var snapshot = new EventSnapshot(Guid.NewGuid(), title, "Hall A", await IdOfAsync(Organizer), people, start, start.AddHours(2), "Asia/Manila", false, null, [], "Normal", null)
        {
            CategoryId = category,
        };
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var consumer = scope.ServiceProvider.GetServices<IIntegrationEventHandler<EventScheduledIntegrationEvent>>()
                .Single(h => h.GetType().Namespace!.StartsWith("OobcCalendar.Modules.Attendance", StringComparison.Ordinal));
            await consumer.HandleAsync(new EventScheduledIntegrationEvent(snapshot, null) { OccurredAt = start.AddDays(-7) }, CancellationToken.None);
        }

        return new PastList(await fixture.SendAsAsync<Guid>(Organizer, new OpenAttendance(snapshot.EventId, start, true, true, false, 30)), start);
    }

    // Arrivals as the desk recorded them at the time (the events are in the past, so the desk's commands would refuse now).
    private async Task ArrivedAsync(PastList list, Guid personId, int minutesAfterStart)
    {
        await using var db = await ContextAsync();
        var at = list.StartUtc.AddMinutes(minutesAfterStart);
        db.CheckIns.Add(new CheckIn(list.ListId, personId, null, true, at, at, "desk 1", CheckInMethod.Manual, personId));
        await db.SaveChangesAsync();
    }

    private async Task WalkInAsync(PastList list, string name, string organisation, int minutesAfterStart)
    {
        await using var db = await ContextAsync();
        var at = list.StartUtc.AddMinutes(minutesAfterStart);
        var walkIn = new WalkIn(list.ListId, name, organisation, null, null, at);
        db.WalkIns.Add(walkIn);
        db.CheckIns.Add(new CheckIn(list.ListId, null, walkIn.Id, false, at, at, "desk 1", CheckInMethod.WalkIn, Guid.Empty));
        await db.SaveChangesAsync();
    }

    private Task<AttendanceDbContext> ContextAsync() => fixture.Services.GetRequiredService<IDbContextFactory<AttendanceDbContext>>().CreateDbContextAsync();

    private async Task<Guid> IdOfAsync(string email)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IUserDirectory>().SearchAsync(email, 1, CancellationToken.None)).Single().Id;
    }
}
