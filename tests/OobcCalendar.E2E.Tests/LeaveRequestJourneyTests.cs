using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OobcCalendar.Modules.Leave.Features.Balances;
using OobcCalendar.Modules.Leave.Features.Holidays;
using OobcCalendar.Modules.Leave.Features.LeaveTypes;
using OobcCalendar.Modules.Leave.Features.Requests;
using OobcCalendar.Shared.Users;
using static Microsoft.Playwright.Assertions;

namespace OobcCalendar.E2E.Tests;

/// <summary>
/// Issue 11 in the browser: a staff member fills the leave form, their manager approves it on the Approvals page, and
/// My leave and the calendar follow live. Each test makes its own people (a fresh staff member and a fresh manager), so
/// the shared database's other leave never reaches their screens; the days are weeks ahead, clear of holidays and of
/// the 5-working-day notice vacation leave needs.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LeaveRequestJourneyTests(BrowserFixture fixture)
{
    private const string Admin = "admin@oobc.gov.ph";

    [Fact]
    public async Task RequestLeave_WhenTheManagerApprovesIt_ThenApprovalsMyLeaveAndTheCalendarFollowWithoutReload()
    {
        var (staff, name, manager) = await PeopleAsync("Ligaya");
        var (first, last) = await FreeDaysAsync(weeksAhead: 6);

        // The manager has Approvals open before anything is filed; a marker on the window proves it is never reloaded.
        var (managerContext, approvals) = await fixture.NewSignedInPageAsync(manager, "/approvals");
        await using var _ = managerContext;
        await Expect(LeaveSection(approvals).GetByText("Nothing waiting for you")).ToBeVisibleAsync();
        await approvals.EvaluateAsync("window.__sameDocument = true");

        // The staff member keeps My leave and the calendar open in two tabs and fills the form in a third.
        var (staffContext, myLeave) = await fixture.NewSignedInPageAsync(staff, "/leave");
        await using var __ = staffContext;
        await Expect(VacationBalance(myLeave)).ToHaveTextAsync("5");
        await myLeave.EvaluateAsync("window.__sameDocument = true");
        var calendar = await staffContext.NewPageAsync();
        await calendar.GotoAsync(CalendarActions.CalendarPath(first));
        await calendar.WaitForCalendarAsync();
        await calendar.EvaluateAsync("window.__sameDocument = true");
        var form = await staffContext.NewPageAsync();
        await form.GotoAsync("/leave/request");
        await form.WaitForInteractiveAsync();

        await form.ChooseLeaveTypeAsync("Vacation leave");
        await form.FillLeaveDayAsync("leave-first-day", first);
        await form.FillLeaveDayAsync("leave-last-day", last);
        await Expect(form.GetByTestId("leave-preview-days")).ToHaveTextAsync("3 days");
        await Expect(form.GetByTestId("leave-preview-balance")).ToHaveTextAsync("5 days");
        await Expect(form.GetByTestId("leave-preview-after")).ToHaveTextAsync("2 days");
        await Expect(form.GetByTestId("leave-preview-ok")).ToBeVisibleAsync();
        await Expect(form.GetByTestId("leave-submit")).ToBeDisabledAsync();
        await Expect(form.GetByTestId("leave-submit-blocked")).ToHaveTextAsync("Give a reason for the leave.");
        await ReasonField(form).FillAsync("Family reunion in Cotabato");
        await form.GetByTestId("leave-submit").ClickAsync();

        // Sent: the form hands over to My leave with the confirmation.
        await Expect(form).ToHaveURLAsync(new Regex(@"/leave\?filed="));
        await Expect(form.GetByTestId("leave-filed")).ToContainTextAsync("Vacation leave");

        // The manager's open page shows it, with the figures; the staff member's open tabs show it pending.
        var row = approvals.GetByTestId("leave-approval-row").Filter(new() { HasText = name });
        await Expect(row).ToBeVisibleAsync();
        await Expect(row.GetByTestId("leave-dates")).ToContainTextAsync("3 working days");
        await Expect(row.GetByTestId("leave-balance")).ToHaveTextAsync("Balance 5 days, 2 after this");
        await Expect(myLeave.GetByTestId("leave-row").GetByTestId("leave-status")).ToHaveTextAsync("Pending");
        await Expect(calendar.CalendarEntry("Vacation leave (pending)").First).ToBeVisibleAsync();

        await row.GetByTestId("approve").ClickAsync();

        await Expect(row).ToHaveCountAsync(0);
        await Expect(approvals.Locator(".mud-snackbar", new() { HasText = "Approved 1 request." })).ToBeVisibleAsync();
        await Expect(LeaveSection(approvals).GetByText("Nothing waiting for you")).ToBeVisibleAsync();
        await Expect(myLeave.GetByTestId("leave-row").GetByTestId("leave-status")).ToHaveTextAsync("Approved");
        await Expect(VacationBalance(myLeave)).ToHaveTextAsync("2");
        var entry = calendar.CalendarEntry($"{name}: Vacation leave").First;
        await Expect(entry).ToBeVisibleAsync();
        await Expect(entry).ToHaveCSSAsync("background-color", "rgb(239, 108, 0)");
        await Expect(calendar.CalendarEntry("Vacation leave (pending)")).ToHaveCountAsync(0);
        // The decision's own live notice (it comes later, through the outbox) is not taken for another approver's.
        await Expect(approvals.Locator(".mud-snackbar", new() { HasText = "no longer waits" })).ToHaveCountAsync(0);
        (await approvals.EvaluateAsync<bool>("window.__sameDocument === true")).ShouldBeTrue("Approvals was reloaded");
        (await myLeave.EvaluateAsync<bool>("window.__sameDocument === true")).ShouldBeTrue("My leave was reloaded");
        (await calendar.EvaluateAsync<bool>("window.__sameDocument === true")).ShouldBeTrue("the calendar was reloaded");
    }

    [Fact]
    public async Task RequestLeave_WhenARuleIsBroken_ThenItsMessageShowsSendIsDisabledAndNothingIsSaved()
    {
        var (staff, _, _) = await PeopleAsync("Dalisay");
        var (first, last) = await FreeDaysAsync(weeksAhead: 7);
        var (context, form) = await fixture.NewSignedInPageAsync(staff, "/leave/request");
        await using var _ = context;
        await form.ChooseLeaveTypeAsync("Vacation leave");

        // The last day before the first one.
        await form.FillLeaveDayAsync("leave-first-day", last);
        await form.FillLeaveDayAsync("leave-last-day", first);
        await Expect(form.GetByTestId("leave-preview-problems")).ToContainTextAsync("The last day must be on or after the first day.");
        await ReasonField(form).FillAsync("Trying my luck");
        await Expect(form.GetByTestId("leave-submit")).ToBeDisabledAsync();
        await Expect(form.GetByTestId("leave-submit-blocked")).ToHaveTextAsync("Fix what the preview lists before sending.");

        // Too little notice: tomorrow is inside the five working days vacation leave asks for.
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(1);
        await form.FillLeaveDayAsync("leave-first-day", tomorrow);
        await form.FillLeaveDayAsync("leave-last-day", tomorrow);
        await Expect(form.GetByTestId("leave-preview-problems")).ToContainTextAsync("needs 5 working days' notice");
        await Expect(form.GetByTestId("leave-submit")).ToBeDisabledAsync();

        (await fixture.SendAsAsync<IReadOnlyList<MyLeaveRequest>>(staff, new ListMyLeaveRequests())).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task LeavePages_AtDesktopAndPhoneWidth_ThenRenderTheirStates(string size)
    {
        var viewport = size == "phone" ? BrowserFixture.Phone : BrowserFixture.Desktop;
        var (staff, name, manager) = await PeopleAsync(size == "phone" ? "Mayumi" : "Amihan");
        var (first, last) = await FreeDaysAsync(weeksAhead: size == "phone" ? 9 : 8);

        // Empty states: nobody waits for the new manager; the new staff member has asked for nothing yet.
        var (managerContext, approvals) = await fixture.NewSignedInPageAsync(manager, "/approvals", viewport);
        await using var _ = managerContext;
        await Expect(LeaveSection(approvals).GetByText("Nothing waiting for you")).ToBeVisibleAsync();
        await ShootAsync(approvals, "leave-approvals-empty", size);
        var (staffContext, page) = await fixture.NewSignedInPageAsync(staff, "/leave", viewport);
        await using var __ = staffContext;
        await Expect(page.GetByTestId("leave-empty-request")).ToBeVisibleAsync();
        await ShootAsync(page, "leave-my-leave-empty", size);

        // The form: a broken rule, then a good draft with its preview.
        await page.NavigateInAppAsync("/leave/request");
        await page.ChooseLeaveTypeAsync("Vacation leave");
        await page.FillLeaveDayAsync("leave-first-day", last);
        await page.FillLeaveDayAsync("leave-last-day", first);
        await Expect(page.GetByTestId("leave-preview-problems")).ToBeVisibleAsync();
        await ShootAsync(page, "leave-request-broken-rule", size);
        await page.FillLeaveDayAsync("leave-first-day", first);
        await page.FillLeaveDayAsync("leave-last-day", last);
        await ReasonField(page).FillAsync("Visiting family in Marawi for the fiesta");
        await Expect(page.GetByTestId("leave-preview-days")).ToHaveTextAsync("3 days");
        await Expect(page.GetByTestId("leave-preview-ok")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("leave-submit")).ToBeEnabledAsync();
        await ShootAsync(page, "leave-request-preview", size);
        await page.GetByTestId("leave-submit").ClickAsync();

        // My leave with the request, and the entries behind the balance.
        await Expect(page.GetByTestId("leave-filed")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("leave-row")).ToHaveCountAsync(1);
        await page.DismissSnackbarsAsync();
        await ShootAsync(page, "leave-my-leave", size);
        await page.Locator("[data-testid=leave-balance][data-type=VL]").GetByTestId("leave-balance-ledger").ClickAsync();
        await Expect(page.GetByTestId("leave-ledger-line")).ToHaveCountAsync(1);
        await ShootAsync(page, "leave-ledger", size);

        await Expect(approvals.GetByTestId("leave-approval-row").Filter(new() { HasText = name })).ToBeVisibleAsync();
        await approvals.DismissSnackbarsAsync();
        await ShootAsync(approvals, "leave-approvals-pending", size);
    }

    private static ILocator ReasonField(IPage page) => page.Locator("textarea[data-testid=leave-reason], [data-testid=leave-reason] textarea").First;

    private static ILocator LeaveSection(IPage page) => page.Locator("[data-testid=approval-section][data-section=leave]");

    private static ILocator VacationBalance(IPage page) =>
        page.Locator("[data-testid=leave-balance][data-type=VL]").GetByTestId("leave-balance-available");

    /// <summary>A fresh staff member with 5 days of vacation leave, and a fresh manager who approves only them.</summary>
    private async Task<(string Staff, string Name, string Manager)> PeopleAsync(string firstName)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var manager = await fixture.CreateFreshUserAsync($"Manager {suffix}", Roles.Manager);
        var name = $"{firstName} Journey {suffix}";
        var staff = await fixture.CreateFreshUserAsync(name, managerEmail: manager);
        var types = await fixture.SendAsAsync<IReadOnlyList<LeaveTypeItem>>(Admin, new ListLeaveTypes());
        var vacation = types.Single(t => t.Settings.Code == "VL");
        var person = (await fixture.SendAsAsync<IReadOnlyList<LeavePerson>>(Admin, new ListLeavePeople())).Single(p => p.Name == name);
        await fixture.SendAsAsync<Guid>(Admin, new AdjustBalance(person.Id, vacation.Id, 5m, "E2E opening balance"));
        return (staff, name, manager);
    }

    /// <summary>Tuesday to Thursday of the week <paramref name="weeksAhead"/> weeks from now, or a later one when a holiday falls in it.</summary>
    private async Task<(DateOnly First, DateOnly Last)> FreeDaysAsync(int weeksAhead)
    {
        for (var week = weeksAhead; ; week++)
        {
            var first = CalendarActions.Monday(week).AddDays(1);
            var holidays = await fixture.SendAsAsync<IReadOnlyList<HolidayItem>>(Admin, new ListHolidays(first, first.AddDays(2), AllUnits: true));
            if (holidays.Count == 0)
            {
                return (first, first.AddDays(2));
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

/// <summary>What a person does on the leave request form.</summary>
internal static class LeaveFormActions
{
    /// <summary>Opens the leave type list and picks <paramref name="type"/>.</summary>
    public static async Task ChooseLeaveTypeAsync(this IPage page, string type)
    {
        await page.GetByTestId("leave-type").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText(type, new() { Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("leave-type-rules")).ToBeVisibleAsync();
    }

    /// <summary>Types a day into one of the form's date fields, as the field shows dates, and leaves the field.</summary>
    public static async Task FillLeaveDayAsync(this IPage page, string testId, DateOnly day)
    {
        var text = day.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);
        // MudBlazor puts the attribute on the picker's input or on its wrapper, depending on the version.
        var input = page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;
        await input.FillAsync(text);
        await input.PressAsync("Tab");
        await Expect(input).ToHaveValueAsync(text);
        // The server took it (and made any follow-up change, e.g. the last day following the first) before the next step.
        var attribute = testId == "leave-first-day" ? "data-first-day" : "data-last-day";
        await Expect(page.GetByTestId("leave-form")).ToHaveAttributeAsync(attribute, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
