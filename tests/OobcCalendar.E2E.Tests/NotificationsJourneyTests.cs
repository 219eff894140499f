using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OobcCalendar.Modules.Leave.Features.Balances;
using OobcCalendar.Modules.Leave.Features.Holidays;
using OobcCalendar.Modules.Leave.Features.LeaveTypes;
using OobcCalendar.Shared.Users;
using static Microsoft.Playwright.Assertions;

namespace OobcCalendar.E2E.Tests;

/// <summary>
/// Issue 14 in the browser: a person sets their notification preferences; a leave request filed in the app reaches the
/// approver's bell while their page stays open; Admin finds the e-mail on the Mail page and previews it. Every test makes
/// its own people, so the shared database's other notifications never reach these bells.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NotificationsJourneyTests(BrowserFixture fixture)
{
    private const string Admin = "admin@oobc.gov.ph";

    [Fact]
    public async Task Preferences_WhenSavedAndReloaded_ShowWhatWasChosen_AndBadInputChangesNothing()
    {
        var person = await fixture.CreateFreshUserAsync($"Prefs {Guid.NewGuid():N}"[..14]);
        var (context, page) = await fixture.NewSignedInPageAsync(person, "/notifications/preferences");
        await using var _ = context;

        // Defaults for someone who never saved: 15 minutes, every channel on, no quiet hours, daily digest at 7:00 AM.
        await Expect(page.GetByTestId("offset-15")).ToHaveAttributeAsync("data-selected", "true");
        await Expect(page.GetByTestId("offset-60")).ToHaveAttributeAsync("data-selected", "false");

        // A custom offset of 0 or over 4 weeks is refused where it is typed, and joins nothing.
        await page.Locator("[data-testid=custom-amount] input, input[data-testid=custom-amount]").First.FillAsync("29");
        await ChooseUnitAsync(page, "days");
        await page.GetByTestId("custom-add").ClickAsync();
        await Expect(page.GetByTestId("custom-error")).ToHaveTextAsync("A reminder can come at most 4 weeks before the event.");
        await page.Locator("[data-testid=custom-amount] input, input[data-testid=custom-amount]").First.FillAsync("0");
        await page.GetByTestId("custom-add").ClickAsync();
        await Expect(page.GetByTestId("custom-error")).ToHaveTextAsync("A reminder must come at least one minute before the event.");
        await Expect(page.Locator("[data-testid^=offset-][data-selected=true]")).ToHaveCountAsync(1);

        // Valid choices: 1 hour, a custom 3 hours, booking requests not by e-mail, quiet hours 10 PM to 7 AM, weekly digest.
        await page.GetByTestId("offset-60").ClickAsync();
        await page.Locator("[data-testid=custom-amount] input, input[data-testid=custom-amount]").First.FillAsync("3");
        await ChooseUnitAsync(page, "hours");
        await page.GetByTestId("custom-add").ClickAsync();
        await Expect(page.GetByTestId("offset-180")).ToHaveAttributeAsync("data-selected", "true");
        await page.Locator("[data-testid='email-booking.requested'] input, input[data-testid='email-booking.requested']").First.UncheckAsync();
        await page.Locator("[data-testid=quiet-on] input, input[data-testid=quiet-on]").First.CheckAsync();
        await Expect(page.GetByTestId("quiet-explained")).ToContainTextAsync("the next morning");
        await page.Locator("[data-testid=weekly-on] input, input[data-testid=weekly-on]").First.CheckAsync();
        await Shoot(page, "preferences", "1280");
        await page.GetByTestId("preferences-save").ClickAsync();
        await Expect(page.Locator(".mud-snackbar", new() { HasText = "Preferences saved." })).ToBeVisibleAsync();

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        foreach (var (minutes, on) in new[] { (15, true), (60, true), (180, true), (30, false) })
        {
            await Expect(page.GetByTestId($"offset-{minutes}")).ToHaveAttributeAsync("data-selected", on ? "true" : "false");
        }

        await Expect(page.Locator("[data-testid='email-booking.requested'] input, input[data-testid='email-booking.requested']").First).Not.ToBeCheckedAsync();
        await Expect(page.Locator("[data-testid='inapp-booking.requested'] input, input[data-testid='inapp-booking.requested']").First).ToBeCheckedAsync();
        await Expect(page.Locator("[data-testid=weekly-on] input, input[data-testid=weekly-on]").First).ToBeCheckedAsync();
        await Expect(page.GetByTestId("quiet-explained")).ToContainTextAsync("10:00 PM until 7:00 AM the next morning");

        await page.SetViewportSizeAsync(BrowserFixture.Phone.Width, BrowserFixture.Phone.Height);
        await Shoot(page, "preferences", "390");
    }

    [Fact]
    public async Task LeaveRequest_ReachesTheApproversOpenBellLive_AndAdminSeesAndPreviewsTheEmail()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var manager = await fixture.CreateFreshUserAsync($"Bell Manager {suffix}", Roles.Manager);
        var name = $"Tala Bell {suffix}";
        var staff = await fixture.CreateFreshUserAsync(name, managerEmail: manager);
        await OpeningBalanceAsync(name);

        // The approver's notifications page is open, with nothing in it; a marker on the window proves it is never reloaded.
        var (managerContext, inbox) = await fixture.NewSignedInPageAsync(manager, "/notifications");
        await using var _ = managerContext;
        await Expect(inbox.GetByText("No notifications yet")).ToBeVisibleAsync();
        await Expect(inbox.GetByTestId("bell-count")).ToHaveCountAsync(0);
        await inbox.EvaluateAsync("window.__sameDocument = true");

        // The staff member files leave through the form.
        var (staffContext, form) = await fixture.NewSignedInPageAsync(staff, "/leave/request");
        await using var __ = staffContext;
        var first = await WorkingTuesdayAsync(11);
        await form.ChooseLeaveTypeAsync("Vacation leave");
        await form.FillLeaveDayAsync("leave-first-day", first);
        await form.FillLeaveDayAsync("leave-last-day", first);
        await form.Locator("[data-testid=leave-reason] textarea, textarea[data-testid=leave-reason]").First.FillAsync("Bell journey");
        await form.GetByTestId("leave-submit").ClickAsync();
        await Expect(form).ToHaveURLAsync(new Regex(@"/leave\?filed="));

        // The bell and the open list follow without a reload (through the outbox, the consumer and the live topic).
        await Expect(inbox.GetByTestId("bell-count")).ToHaveTextAsync("1", new() { Timeout = 30_000 });
        var row = inbox.GetByTestId("notification-row").Filter(new() { HasText = name });
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("asked for Vacation leave");
        await Shoot(inbox, "notifications", "1280");
        await inbox.GetByTestId("bell-button").ClickAsync();
        var item = inbox.GetByTestId("bell-item").Filter(new() { HasText = name });
        await Expect(item).ToBeVisibleAsync();
        await Shoot(inbox, "bell-open", "1280");
        (await inbox.EvaluateAsync<bool>("window.__sameDocument === true")).ShouldBeTrue("the approver's page was reloaded");

        // A click reads it and goes to what it is about; the count goes with it.
        await item.ClickAsync();
        await Expect(inbox).ToHaveURLAsync(new Regex("/leave/approvals$"));
        await Expect(inbox.GetByTestId("bell-count")).ToHaveCountAsync(0);

        await inbox.SetViewportSizeAsync(BrowserFixture.Phone.Width, BrowserFixture.Phone.Height);
        await inbox.NavigateInAppAsync("/notifications");
        await Expect(inbox.GetByTestId("notification-row").Filter(new() { HasText = name })).ToBeVisibleAsync();
        await Shoot(inbox, "notifications", "390");
        await inbox.GetByTestId("bell-button").ClickAsync();
        await Expect(inbox.GetByTestId("bell-item").First).ToBeVisibleAsync();
        await Shoot(inbox, "bell-open", "390");

        // Admin finds the e-mail (written by the sender to the development pickup folder) and previews both parts.
        var (adminContext, mail) = await fixture.NewSignedInPageAsync(Admin, "/notifications/mail");
        await using var ___ = adminContext;
        await mail.Locator("[data-testid=mail-search] input, input[data-testid=mail-search]").First.FillAsync(name);
        var line = mail.Locator("[data-testid=mail-table] tbody tr", new() { HasText = $"Leave to approve: {name}" });
        await Expect(mail.Locator("[data-testid=mail-table] tbody tr")).ToHaveCountAsync(1);
        await Expect(line).ToBeVisibleAsync();
        await Expect(line.GetByTestId("mail-status")).ToHaveTextAsync("Sent", new() { Timeout = 30_000 });
        await Shoot(mail, "admin-mail", "1280");
        await line.GetByTestId("mail-preview-button").ClickAsync();
        var preview = mail.GetByRole(AriaRole.Dialog);
        await Expect(preview).ToContainTextAsync($"Leave to approve: {name}");
        await Expect(mail.FrameLocator("[data-testid=mail-preview-html]").Locator("strong", new() { HasText = name })).ToBeVisibleAsync();
        await Shoot(mail, "admin-mail-preview", "1280");
        await preview.GetByRole(AriaRole.Tab, new() { Name = "Text" }).ClickAsync();
        await Expect(preview.GetByTestId("mail-preview-text")).ToContainTextAsync(name);

        await mail.SetViewportSizeAsync(BrowserFixture.Phone.Width, BrowserFixture.Phone.Height);
        await preview.GetByRole(AriaRole.Tab, new() { Name = "HTML" }).ClickAsync();
        await Shoot(mail, "admin-mail-preview", "390");
        await preview.Locator(".mud-dialog-actions button", new() { HasText = "Close" }).ClickAsync();
        await Expect(preview).ToHaveCountAsync(0);
        await Shoot(mail, "admin-mail", "390");
    }

    private static async Task ChooseUnitAsync(IPage page, string unit)
    {
        await page.GetByTestId("custom-unit").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText(unit, new() { Exact = true }).ClickAsync();
    }

    /// <summary>The Tuesday <paramref name="weeksAhead"/> weeks on, or a later one when it is a holiday (a leave day must be a working day).</summary>
    private async Task<DateOnly> WorkingTuesdayAsync(int weeksAhead)
    {
        for (var week = weeksAhead; ; week++)
        {
            var day = CalendarActions.Monday(week).AddDays(1);
            if ((await fixture.SendAsAsync<IReadOnlyList<HolidayItem>>(Admin, new ListHolidays(day, day, AllUnits: true))).Count == 0)
            {
                return day;
            }
        }
    }

    private async Task OpeningBalanceAsync(string name)
    {
        var vacation = (await fixture.SendAsAsync<IReadOnlyList<LeaveTypeItem>>(Admin, new ListLeaveTypes())).Single(t => t.Settings.Code == "VL");
        var person = (await fixture.SendAsAsync<IReadOnlyList<LeavePerson>>(Admin, new ListLeavePeople())).Single(p => p.Name == name);
        await fixture.SendAsAsync<Guid>(Admin, new AdjustBalance(person.Id, vacation.Id, 5m, "E2E opening balance"));
    }

    private async Task Shoot(IPage page, string name, string width)
    {
        Directory.CreateDirectory(fixture.ScreenshotFolder);
        // A full-page shot of a scrolled page draws the fixed app bar mid-page: shoot from the top.
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        var path = Path.Combine(fixture.ScreenshotFolder, string.Create(CultureInfo.InvariantCulture, $"notifications-{name}-{width}.png"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Animations = ScreenshotAnimations.Disabled });
    }
}
