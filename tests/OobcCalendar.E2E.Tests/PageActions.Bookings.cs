using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OobcCalendar.E2E.Tests;

/// <summary>Booking a resource, as a person does it in the browser.</summary>
internal static partial class PageActions
{
    private static readonly TimeZoneInfo Manila = TimeZoneInfo.FindSystemTimeZoneById("Asia/Manila");

    /// <summary>
    /// <paramref name="hour"/>:00 Manila time on the <paramref name="weekdaysAhead"/>-th weekday after today (Manila).
    /// Tests share one database, so each picks its own day and hour: two tests never want the same slot. Counting
    /// weekdays, not calendar days, keeps distinct numbers on distinct days: "8 days, skip the weekend" and "9 days,
    /// skip the weekend" both land on the same Monday when today is a Friday.
    /// </summary>
    public static DateTimeOffset WeekdayAt(int weekdaysAhead, int hour)
    {
        var day = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Manila).Date;
        for (var counted = 0; counted < weekdaysAhead;)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                counted++;
            }
        }

        var local = day.AddHours(hour);
        return new DateTimeOffset(local, Manila.GetUtcOffset(local));
    }

    /// <summary>The id of the named resource, read from its Book button in the directory.</summary>
    public static async Task<string> ResourceIdAsync(this IPage page, string name)
    {
        await page.NavigateInAppAsync("/resources");
        var book = page.GetByTestId("resource-card").Filter(new() { HasText = name }).GetByTestId("resource-book");
        var href = await book.GetAttributeAsync("href") ?? throw new InvalidOperationException($"{name} has no Book link");
        return BookLink().Match(href).Groups["id"].Value;
    }

    /// <summary>Opens the booking form for the slot, says what it is for, and sends it; ends on My bookings, rendered.</summary>
    public static async Task RequestBookingAsync(this IPage page, string resourceId, DateTimeOffset start, DateTimeOffset end, string purpose)
    {
        await page.NavigateInAppAsync($"/resources/book/{resourceId}?start={Iso(start)}&end={Iso(end)}");
        // The form's own "Free" line: the page has the panel's answer. (Attached, not visible: on wide screens the
        // panel beside the form says it and the line is hidden.)
        await Expect(page.Locator(".oobc-book-status", new() { HasText = "Free" })).ToBeAttachedAsync();
        await page.GetByTestId("book-purpose").FillAsync(purpose);
        // The counter is drawn by the server: once it shows the length, the server has the purpose.
        await Expect(page.GetByText($"{purpose.Length} / 500")).ToBeVisibleAsync();
        // The confirmation of an earlier booking, bottom right, can sit over the button; a person closes it first.
        await page.DismissSnackbarsAsync();
        await page.GetByTestId("book-submit").ClickAsync();
        // The address changes before the server has drawn the next page. Waiting for the row, not the address,
        // keeps a following navigation from finding this form still on screen and typing into it.
        await Expect(page).ToHaveURLAsync(new Regex("/resources/bookings$"));
        await Expect(page.BookingRow(purpose)).ToBeVisibleAsync();
    }

    /// <summary>The row of the booking with this purpose on My bookings.</summary>
    public static ILocator BookingRow(this IPage page, string purpose) =>
        page.GetByTestId("booking-row").Filter(new() { HasText = purpose });

    /// <summary>The request with this purpose on the approvals dashboard.</summary>
    public static ILocator ApprovalRow(this IPage page, string purpose) =>
        page.GetByTestId("approval-row").Filter(new() { HasText = purpose });

    /// <summary>The drawer's one Approvals counter (bookings and leave), as a number (0 when hidden).</summary>
    public static async Task<int> PendingBadgeAsync(this IPage page)
    {
        var badge = page.GetByTestId("nav-badge-approvals.pending");
        return await badge.CountAsync() == 0 ? 0 : int.Parse((await badge.InnerTextAsync()).Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>Waits until the drawer's pending-approvals counter shows <paramref name="count"/> (hidden at 0).</summary>
    public static Task ExpectPendingBadgeAsync(this IPage page, int count)
    {
        var badge = page.GetByTestId("nav-badge-approvals.pending");
        return count == 0 ? Expect(badge).ToHaveCountAsync(0) : Expect(badge).ToHaveTextAsync(count.ToString(CultureInfo.InvariantCulture));
    }

    private static string Iso(DateTimeOffset instant) =>
        Uri.EscapeDataString(instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

    [GeneratedRegex("/resources/book/(?<id>[0-9a-f-]{36})")]
    private static partial Regex BookLink();
}
