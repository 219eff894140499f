using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OobcCalendar.E2E.Tests;

/// <summary>
/// The A4 ticket sheet as printed: A4 pages of eight tickets, no app bar, drawer or buttons, no ticket cut by a page
/// break. Chromium's own PDF printer is the judge of the pages.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class AttendanceTicketPrintTests(BrowserFixture fixture)
{
    private const string Organizer = "manager.ops@oobc.gov.ph";

    [Fact]
    public async Task TicketSheet_WhenPrinted_ThenEightTicketsAPageAndNothingButTickets()
    {
        // Ten participants and the organizer: eleven tickets, so one full page and a second of three.
        var run = Guid.NewGuid().ToString("N")[..6];
        var people = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            people.Add(await fixture.CreateFreshUserAsync($"Printed Person {run} {i:00}"));
        }

        var (listId, _, _) = await fixture.OpenAttendanceNowAsync(Organizer, $"Printed tickets {run}", [.. people]);
        var (context, page) = await fixture.NewSignedInPageAsync(Organizer, $"/attendance/tickets/{listId}");
        await using var _ = context;
        await Expect(page.GetByTestId("ticket")).ToHaveCountAsync(11);

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Expect(page.Locator(".mud-appbar")).ToBeHiddenAsync();
        await Expect(page.Locator(".mud-drawer")).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Print (A4)" })).ToBeHiddenAsync();
        await Expect(page.GetByText("Download PNG").First).ToBeHiddenAsync();
        (await page.GetByTestId("ticket").First.EvaluateAsync<string>("t => getComputedStyle(t).breakInside")).ShouldBe("avoid");
        await page.SetViewportSizeAsync(794, 1123); // A4 at 96 dpi, to look at
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(fixture.ScreenshotFolder, "attendance-tickets-print.png"), FullPage = true });

        var pdf = await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, PrintBackground = true });
        var text = Encoding.Latin1.GetString(pdf);
        PageObject().Count(text).ShouldBe(2, "eleven tickets at eight a page");
        var box = MediaBox().Match(text);
        box.Success.ShouldBeTrue();
        // A4 is 595 x 842 points.
        double.Parse(box.Groups["w"].Value, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(595, 1);
        double.Parse(box.Groups["h"].Value, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(842, 1);
    }

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PageObject();

    [GeneratedRegex(@"/MediaBox\s*\[\s*0\s+0\s+(?<w>[\d.]+)\s+(?<h>[\d.]+)\s*\]")]
    private static partial Regex MediaBox();
}
