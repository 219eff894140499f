using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OobcCalendar.E2E.Tests;

/// <summary>
/// A busy day in month view (issue 10, item 1): eight events with long titles on one day, for a new user who has
/// nothing else, at 1280 and 390 px. Each entry keeps to one line inside its day, time first, with its whole title
/// on focus; the day shows "+N more", and that link opens a list of the whole day that fits the screen.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class BusyMonthTests(BrowserFixture fixture)
{
    private static readonly string[] Titles =
    [
        "Quarterly budget review with the regional planning office",
        "Stand-up",
        "Interagency coordination meeting on the Bangsamoro transition plan",
        "Lunch",
        "Procurement committee: supplies and equipment for the field offices",
        "1:1",
        "Supercalifragilisticexpialidocious-workshop-without-spaces",
        "Wrap-up and notes for tomorrow's community consultation",
    ];

    [Fact]
    public async Task MonthView_WhenADayIsFull_ThenEntriesStayOneLineAndMoreListsTheDay()
    {
        var day = CalendarActions.Monday(5).AddDays(2);
        var email = await fixture.CreateFreshUserAsync("Busy Month Tester");
        await ImportDayAsync(email, day);

        foreach (var (viewport, size) in new[] { (BrowserFixture.Desktop, "desktop"), (BrowserFixture.Phone, "phone") })
        {
            var (context, page) = await fixture.NewSignedInPageAsync(email, CalendarActions.CalendarPath(day, "month"), viewport);
            await using var _ = context;
            await page.WaitForCalendarAsync();
            await CheckDayAsync(page, day, size);
        }
    }

    private async Task ImportDayAsync(string email, DateOnly day)
    {
        var (context, page) = await fixture.NewSignedInPageAsync(email, "/scheduling/import");
        await using var _ = context;
        await page.ChooseIcsFileAsync(DayFile(day));
        await page.GetByTestId("ics-confirm").ClickAsync();
        await Expect(page.GetByTestId("ics-done-count")).ToHaveTextAsync($"Imported {Titles.Length} events.");
    }

    private async Task CheckDayAsync(IPage page, DateOnly day, string size)
    {
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var cell = page.Calendar().Locator($"[role=gridcell][data-date='{date}']");
        var more = cell.Locator(".oobc-more-link");
        await Expect(more).ToBeVisibleAsync();
        var shown = cell.Locator("[data-event-id]");
        var visible = await shown.CountAsync();
        visible.ShouldBeGreaterThan(0, $"{size}: no entry is shown in the day itself");
        await Expect(more).ToHaveTextAsync($"+{Titles.Length - visible} more");
        await ShootAsync(page, "calendar-month-busy", size);
        // Says it in full: not "+5 mo" cut off by a narrow cell.
        (await more.EvaluateAsync<bool>("e => [e, ...e.querySelectorAll('*')].every(x => x.scrollWidth <= x.clientWidth + 1)"))
            .ShouldBeTrue($"{size}: \"+N more\" is cut off");

        var cellBox = (await cell.BoundingBoxAsync())!;
        for (var i = 0; i < visible; i++)
        {
            var entry = shown.Nth(i);
            var box = (await entry.BoundingBoxAsync())!;
            var lineHeight = await entry.Locator(".oobc-event-title").EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).lineHeight)");
            ((double)box.Height).ShouldBeLessThan(2 * lineHeight, $"{size}: entry {i} wraps to more than one line");
            box.X.ShouldBeGreaterThanOrEqualTo(cellBox.X - 1, $"{size}: entry {i} starts left of its day");
            (box.X + box.Width).ShouldBeLessThanOrEqualTo(cellBox.X + cellBox.Width + 1, $"{size}: entry {i} runs out of its day");
            // Text longer than the entry is cut inside it (ellipsis), never drawn over the next day.
            var spills = await entry.EvaluateAsync<bool>("e => getComputedStyle(e).overflowX === 'visible' && e.scrollWidth > e.clientWidth + 1");
            spills.ShouldBeFalse($"{size}: entry {i}'s text is drawn outside it");

            // Time first, and the whole title for keyboard and screen-reader users on the element that takes focus.
            TimeFirst().IsMatch(await entry.InnerTextAsync()).ShouldBeTrue($"{size}: entry {i} does not start with its time");
            await entry.FocusAsync();
            var label = await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('aria-label') || ''");
            Titles.ShouldContain(t => label.Contains(t, StringComparison.Ordinal), $"{size}: focused entry {i} says \"{label}\"");
        }

        await more.ClickAsync();
        var popover = page.Locator($"[role=dialog][data-date='{date}']");
        await Expect(popover).ToBeVisibleAsync();
        foreach (var title in Titles)
        {
            await Expect(popover.Locator("[data-event-id]", new() { HasText = title })).ToHaveCountAsync(1);
        }

        await ShootAsync(page, "calendar-month-more", size);
        var popoverBox = (await popover.BoundingBoxAsync())!;
        var width = page.ViewportSize!.Width;
        popoverBox.X.ShouldBeGreaterThanOrEqualTo(0, $"{size}: the day's list starts off screen");
        (popoverBox.X + popoverBox.Width).ShouldBeLessThanOrEqualTo(width, $"{size}: the day's list runs off screen");

        await page.Keyboard.PressAsync("Escape");
        await Expect(popover).ToHaveCountAsync(0);
    }

    /// <summary>Eight 45-minute events, one each hour from 8:00, as another calendar exports them.</summary>
    private static FilePayload DayFile(DateOnly day)
    {
        var run = Guid.NewGuid().ToString("N");
        var lines = new List<string> { "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Other//Calendar//EN" };
        for (var i = 0; i < Titles.Length; i++)
        {
            var start = day.ToDateTime(new TimeOnly(8, 0)).AddMinutes(60 * i);
            lines.AddRange(
            [
                "BEGIN:VEVENT", $"UID:busy-{i}-{run}@other.example", $"SUMMARY:{Titles[i]}",
                $"DTSTART;TZID=Asia/Manila:{start:yyyyMMdd'T'HHmmss}", $"DTEND;TZID=Asia/Manila:{start.AddMinutes(45):yyyyMMdd'T'HHmmss}", "END:VEVENT",
            ]);
        }

        lines.AddRange(["END:VCALENDAR", string.Empty]);
        return new FilePayload { Name = "busy-day.ics", MimeType = "text/calendar", Buffer = Encoding.UTF8.GetBytes(string.Join("\r\n", lines)) };
    }

    private async Task ShootAsync(IPage page, string name, string size)
    {
        var path = Path.Combine(fixture.ScreenshotFolder, $"{name}-{size}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, Animations = ScreenshotAnimations.Disabled });
        new FileInfo(path).Length.ShouldBeGreaterThan(0);
    }

    // "8:00am", "10:00 AM", "8a": the entry's text begins with an hour.
    [GeneratedRegex(@"^\s*\d{1,2}(:\d\d)?\s*([ap]m?|[AP]M?)?\b")]
    private static partial Regex TimeFirst();
}
