using System.Globalization;
using Microsoft.Playwright;
using OobcCalendar.Modules.Leave.Features.Balances;
using OobcCalendar.Modules.Leave.Features.LeaveTypes;
using OobcCalendar.Modules.Leave.Features.Requests;
using static Microsoft.Playwright.Assertions;

namespace OobcCalendar.E2E.Tests;

/// <summary>
/// Leave on the combined calendar (issue 11): a colleague sees "Out of office", never the type, for someone's approved
/// sick leave; holidays show as all-day days; Who's out and Admin's leave settings at desktop and phone width.
/// The leave is filed and approved through the app's own mediator, on a week in August 2027 no other journey uses.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LeaveCalendarJourneyTests(BrowserFixture fixture)
{
    private const string Sick = "staff3@oobc.gov.ph";
    private const string Colleague = "staff2@oobc.gov.ph";
    private const string Manager = "manager.ops@oobc.gov.ph";
    private const string Admin = "admin@oobc.gov.ph";
    private static readonly DateOnly First = new(2027, 8, 16);

    [Fact]
    public async Task Calendar_WhenAColleaguesSickLeaveIsApproved_ThenIt_SaysOutOfOfficeAndNotTheType()
    {
        var types = await fixture.SendAsAsync<IReadOnlyList<LeaveTypeItem>>(Sick, new ListLeaveTypes());
        var sick = types.Single(t => t.Settings.Code == "SL");
        var person = (await fixture.SendAsAsync<IReadOnlyList<LeavePerson>>(Admin, new ListLeavePeople())).Single(p => p.Name == "Tomas Reyes");
        await fixture.SendAsAsync<Guid>(Admin, new AdjustBalance(person.Id, sick.Id, 2m, "E2E opening balance"));
        var receipt = await fixture.SendAsAsync<LeaveRequestReceipt>(Sick, new SubmitLeaveRequest(sick.Id, First, First.AddDays(1), Modules.Leave.Domain.Requests.DayPart.Full, Modules.Leave.Domain.Requests.DayPart.Full, "Flu", null, null));
        await fixture.SendAsAsync<LeaveDecision>(Manager, new ApproveLeaveRequest(receipt.RequestId));

        var (context, page) = await fixture.OpenCalendarAsync(Colleague, First);
        await using var _ = context;
        var entry = page.CalendarEntry("Tomas Reyes");

        await Expect(entry.First).ToContainTextAsync("Out of office");
        await Expect(page.Calendar()).Not.ToContainTextAsync("Sick leave");
        await ShootAsync(page, "calendar-leave-out-of-office", "desktop");
        await entry.First.ClickAsync();
        await Expect(page.GetByTestId("leave-entry-details")).ToContainTextAsync("Tomas Reyes");
        await Expect(page.GetByTestId("leave-entry-details")).Not.ToContainTextAsync("Sick");
    }

    [Fact]
    public async Task Calendar_WhenTheMonthHasAHoliday_ThenItShowsAsAnAllDayEntry()
    {
        var (context, page) = await fixture.OpenCalendarAsync(Colleague, new DateOnly(2026, 12, 21));
        await using var _ = context;

        await Expect(page.CalendarEntry("Christmas Day").First).ToBeVisibleAsync();
        await ShootAsync(page, "calendar-holidays", "desktop");
    }

    [Fact]
    public async Task WhosOutAndLeaveSettings_AtDesktopAndPhoneWidth_ThenRender()
    {
        foreach (var (size, viewport) in new[] { ("desktop", BrowserFixture.Desktop), ("phone", BrowserFixture.Phone) })
        {
            var (context, page) = await fixture.NewSignedInPageAsync(Colleague, "/leave/whos-out", viewport);
            await using (context)
            {
                await Expect(page.GetByTestId("whos-out-month")).ToBeVisibleAsync();
                await ShootAsync(page, "leave-whos-out", size);
            }

            var (adminContext, admin) = await fixture.NewSignedInPageAsync(Admin, "/leave/manage", viewport);
            await using (adminContext)
            {
                await Expect(admin.GetByTestId("leave-types-table")).ToContainTextAsync("Sick leave");
                await ShootAsync(admin, "leave-manage-types", size);
                await admin.GetByRole(AriaRole.Tab, new() { Name = "Holidays" }).ClickAsync();
                await Expect(admin.GetByTestId("holidays-table")).ToBeVisibleAsync();
                await ShootAsync(admin, "leave-manage-holidays", size);
                await admin.GetByRole(AriaRole.Tab, new() { Name = "Balances" }).ClickAsync();
                await Expect(admin.GetByTestId("balance-form")).ToBeVisibleAsync();
                await ShootAsync(admin, "leave-manage-balances", size);
            }
        }
    }

    private async Task ShootAsync(IPage page, string name, string size)
    {
        var path = Path.Combine(fixture.ScreenshotFolder, string.Create(CultureInfo.InvariantCulture, $"{name}-{size}.png"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Animations = ScreenshotAnimations.Disabled });
        new FileInfo(path).Length.ShouldBeGreaterThan(0);
    }
}
