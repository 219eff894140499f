using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OobcCalendar.E2E.Tests;

/// <summary>Screenshots of the import page in each of its states (empty, preview, done, error) and of the export page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class IcsImportScreenshotTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task ImportPage_WhenWalkedThroughAtSize_ThenEachStateIsShot(string size)
    {
        var viewport = size == "phone" ? BrowserFixture.Phone : BrowserFixture.Desktop;
        var (context, page) = await fixture.NewSignedInPageAsync("staff4@oobc.gov.ph", "/scheduling/import", viewport);
        await using var _ = context;
        var upload = page.Locator("input[type=file]");

        await Expect(page.GetByTestId("ics-choose")).ToBeVisibleAsync();
        await ShootAsync(page, "ics-import-empty", size);

        await upload.SetInputFilesAsync(new FilePayload { Name = "broken.ics", MimeType = "text/calendar", Buffer = Encoding.UTF8.GetBytes("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Half a file\r\n") });
        await Expect(page.GetByTestId("ics-error")).ToContainTextAsync("damaged");
        await ShootAsync(page, "ics-import-error", size);

        await page.GetByTestId("ics-again").ClickAsync();
        await upload.SetInputFilesAsync(IcsImportJourneyTests.File(IcsImportJourneyTests.NextMonday()));
        await Expect(page.GetByTestId("ics-events").GetByTestId("ics-event-title")).ToHaveCountAsync(3);
        await ShootAsync(page, "ics-import-preview", size);

        await page.GetByTestId("ics-confirm").ClickAsync();
        await Expect(page.GetByTestId("ics-done")).ToBeVisibleAsync();
        await ShootAsync(page, "ics-import-done", size);

        await page.NavigateInAppAsync("/scheduling/export");
        await Expect(page.GetByTestId("ics-export-download")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"^/scheduling/calendar\.ics\?start="));
        await ShootAsync(page, "ics-export", size);
    }

    private async Task ShootAsync(IPage page, string name, string size)
    {
        if (size == "phone")
        {
            await page.WaitForDrawerClosedAsync();
        }

        var path = Path.Combine(fixture.ScreenshotFolder, $"{name}-{size}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Animations = ScreenshotAnimations.Disabled });
        new FileInfo(path).Length.ShouldBeGreaterThan(0);
    }
}
