using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OobcCalendar.E2E.Tests;

/// <summary>What a person does on the calendar page: pick a slot, drag an entry, read what the calendar holds.</summary>
internal static class CalendarActions
{
    private static readonly TimeZoneInfo Manila = TimeZoneInfo.FindSystemTimeZoneById("Asia/Manila");

    /// <summary>
    /// The Monday <paramref name="weeksAhead"/> weeks after this one in the demo users' zone. Each journey takes its own
    /// week (and its own user), so journeys sharing the database never see each other's events.
    /// </summary>
    public static DateOnly Monday(int weeksAhead)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Manila).DateTime);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        return monday.AddDays(7 * weeksAhead);
    }

    public static string CalendarPath(DateOnly date, string view = "week") =>
        string.Create(CultureInfo.InvariantCulture, $"/calendar?view={view}&date={date:yyyy-MM-dd}");

    public static ILocator Calendar(this IPage page) => page.GetByTestId("calendar");

    /// <summary>Signs <paramref name="email"/> in on the week view of <paramref name="week"/> and waits for the calendar's first answer; dispose the context when done.</summary>
    public static async Task<(IBrowserContext Context, IPage Page)> OpenCalendarAsync(this BrowserFixture fixture, string email, DateOnly week)
    {
        var (context, page) = await fixture.NewSignedInPageAsync(email, CalendarPath(week));
        try
        {
            await page.WaitForCalendarAsync();
            return (context, page);
        }
        catch
        {
            await context.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits until FullCalendar has rendered and answered the first time.</summary>
    public static async Task WaitForCalendarAsync(this IPage page)
    {
        await Expect(page.Locator("[data-testid=calendar][data-ready=true]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=calendar][data-loading]")).ToHaveCountAsync(0);
    }

    /// <summary>An entry on the calendar whose text contains <paramref name="title"/>.</summary>
    public static ILocator CalendarEntry(this IPage page, string title) =>
        page.Calendar().Locator("[data-event-id]", new() { HasText = title });

    /// <summary>
    /// Waits for the entry with <paramref name="title"/> in the week view's column of <paramref name="day"/> (after
    /// navigation the old week may still be on screen for a moment) and returns it.
    /// </summary>
    public static async Task<ILocator> EntryOnDayAsync(this IPage page, string title, DateOnly day)
    {
        const string find = """
            ([title, day]) => {
              const header = document.querySelector(`[data-testid=calendar] [role=columnheader][data-date="${day}"]`);
              if (!header) return null;
              const h = header.getBoundingClientRect();
              const hit = [...document.querySelectorAll("[data-testid=calendar] [data-event-id]")].find((e) => {
                const r = e.getBoundingClientRect();
                const x = r.left + r.width / 2;
                return e.textContent.includes(title) && r.width > 0 && x > h.left && x < h.right;
              });
              return hit ? hit.dataset.eventId : null;
            }
            """;
        var handle = await page.WaitForFunctionAsync(find, new[] { title, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        var id = await handle.JsonValueAsync<string>();
        return page.Calendar().Locator($"[data-event-id='{id}']");
    }

    /// <summary>Drags across the week view from <paramref name="from"/> to <paramref name="to"/> on <paramref name="day"/>, as a person selects an empty slot.</summary>
    public static async Task SelectSlotAsync(this IPage page, DateOnly day, TimeOnly from, TimeOnly to)
    {
        var column = await DayColumnAsync(page, day);
        var x = column.X + (column.Width / 2);
        var (top, _) = await LaneAsync(page, from);
        var (lastTop, lastHeight) = await LaneAsync(page, to.AddMinutes(-30));
        await page.Mouse.MoveAsync(x, top + 3);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(x, top + 10, new() { Steps = 3 });
        await page.Mouse.MoveAsync(x, lastTop + lastHeight - 3, new() { Steps = 8 });
        await page.Mouse.UpAsync();
    }

    /// <summary>
    /// Drags the series entry titled <paramref name="title"/> from <paramref name="from"/> to <paramref name="to"/> in the
    /// week view, keeping its time, and returns the "Move a repeating event" dialog. The page's own change comes back as a
    /// live notice and FullCalendar re-renders its entries, so an entry found a moment ago may be gone by the time the
    /// mouse reaches it; the drag is then made again on the re-rendered entry, until the dialog shows.
    /// </summary>
    public static async Task<ILocator> DragSeriesEntryToDayAsync(this IPage page, string title, DateOnly from, DateOnly to)
    {
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Move a repeating event" });
        for (var attempt = 1; ; attempt++)
        {
            await Expect(page.Locator("[data-testid=calendar][data-loading]")).ToHaveCountAsync(0);
            var entry = await page.EntryOnDayAsync(title, from);
            var box = await entry.BoundingBoxAsync();
            if (box is not null)
            {
                var column = await DayColumnAsync(page, to);
                var y = box.Y + Math.Min(10, box.Height / 2);
                await page.Mouse.MoveAsync(box.X + (box.Width / 2), y);
                await page.Mouse.DownAsync();
                await page.Mouse.MoveAsync(box.X + (box.Width / 2) + 5, y, new() { Steps = 3 });
                await page.Mouse.MoveAsync(column.X + (column.Width / 2), y, new() { Steps = 10 });
                await page.Mouse.UpAsync();
                try
                {
                    await dialog.WaitForAsync(new() { Timeout = 5_000 });
                    return dialog;
                }
                catch (TimeoutException) when (attempt < 3)
                {
                    // The entry was re-rendered under the mouse; it is found again below.
                }
            }
            else if (attempt >= 3)
            {
                throw new ShouldAssertException($"The entry \"{title}\" on {from:yyyy-MM-dd} is not on screen.");
            }
        }
    }

    /// <summary>What the events feed holds for the signed-in user in [from, to), as FullCalendar receives it.</summary>
    public static async Task<IReadOnlyList<JsonElement>> EventsFeedAsync(this IPage page, DateOnly from, DateOnly to)
    {
        var json = await page.EvaluateAsync<JsonElement>(
            "async ([s, e]) => await (await fetch(`/api/calendar/events?start=${s}T00:00:00&end=${e}T00:00:00&scope=mine&showDeclined=true`)).json()",
            new[] { from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        return json.EnumerateArray().ToList();
    }

    /// <summary>Starts ("2026-12-01T10:00:00") of the feed's entries titled <paramref name="title"/>.</summary>
    public static async Task<IReadOnlyList<string>> StartsOfAsync(this IPage page, string title, DateOnly from, DateOnly to) =>
        (await page.EventsFeedAsync(from, to))
            .Where(e => e.GetProperty("title").GetString() == title)
            .Select(e => e.GetProperty("start").GetString()!)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Types <paramref name="sentence"/> into quick add, checks it found <paramref name="person"/>, and saves.</summary>
    public static async Task QuickAddWithAsync(this IPage page, string sentence, string person)
    {
        await page.GetByTestId("quick-add-text").FillAsync(sentence);
        await page.GetByTestId("quick-add-go").ClickAsync();
        await Expect(page.GetByTestId("quick-add-person")).ToHaveTextAsync(person);
        await page.GetByTestId("quick-add-save").ClickAsync();
        await Expect(page.GetByText("Event added.")).ToBeVisibleAsync();
    }

    /// <summary>Selects 10:00–11:00 on <paramref name="day"/>, names the event, makes it repeat weekly and saves.</summary>
    public static async Task CreateWeeklySeriesAsync(this IPage page, string title, DateOnly day)
    {
        await page.SelectSlotAsync(day, new TimeOnly(10, 0), new TimeOnly(11, 0));
        var editor = page.GetByRole(AriaRole.Dialog, new() { Name = "New event" });
        await Expect(editor.GetByTestId("event-title")).ToBeVisibleAsync();
        await editor.GetByTestId("event-title").FillAsync(title);
        await editor.GetByText("Repeats", new() { Exact = true }).ClickAsync();
        await Expect(editor.GetByTestId("recurrence-summary")).ToContainTextAsync("Every week on");
        await editor.GetByTestId("editor-save").ClickAsync();
        await Expect(editor).ToBeHiddenAsync();
        await Expect(page.CalendarEntry(title).First).ToBeVisibleAsync();
    }

    private static async Task<LocatorBoundingBoxResult> DayColumnAsync(IPage page, DateOnly day)
    {
        var header = page.Calendar().Locator($"[role=columnheader][data-date='{day:yyyy-MM-dd}']");
        return await header.BoundingBoxAsync() ?? throw new ShouldAssertException($"{day:yyyy-MM-dd} is not in the view.");
    }

    private static async Task<(float Top, float Height)> LaneAsync(IPage page, TimeOnly time)
    {
        var lane = page.Calendar().Locator($"[data-time='{time:HH\\:mm\\:ss}']").Last;
        await lane.ScrollIntoViewIfNeededAsync();
        var box = await lane.BoundingBoxAsync() ?? throw new ShouldAssertException($"No {time} row in the view.");
        return (box.Y, box.Height);
    }
}
