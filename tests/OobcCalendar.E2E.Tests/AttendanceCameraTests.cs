using Microsoft.Playwright;
using OobcCalendar.Modules.Attendance.Features.Tickets;
using static Microsoft.Playwright.Assertions;

namespace OobcCalendar.E2E.Tests;

/// <summary>
/// The desk's camera scanner for real: Chromium's fake camera plays a video of a ticket's QR code (written here as
/// YUV4MPEG2), the page decodes it (html5-qrcode with the ZXing-C++ BarcodeDetector beside it, ADR 0041), and the person
/// is checked in through the same path as the scan box. A browser without a camera it may use gets a sentence, not an error.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AttendanceCameraTests(BrowserFixture fixture)
{
    private const string Organizer = "manager.ops@oobc.gov.ph";
    private const string Desk = "desk1@oobc.gov.ph";

    [Fact]
    public async Task DeskPage_WhenTheCameraSeesATicket_ThenThePersonIsCheckedInAsFromTheScanBox()
    {
        var name = $"Camera Person {Guid.NewGuid():N}"[..22];
        var email = await fixture.CreateFreshUserAsync(name);
        var (listId, _, _) = await fixture.OpenAttendanceNowAsync(Organizer, "Camera check-in", email);
        var ticket = await fixture.SendAsAsync<IssuedTicket>(Desk, new IssueTicket(listId, await fixture.IdOfAsync(email)));
        var video = Path.Combine(Path.GetTempPath(), $"oobc-ticket-{Guid.NewGuid():N}.y4m");
        FakeCamera.WriteQrVideo(video, ticket.Token);
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await FakeCamera.LaunchBrowserAsync(playwright, video);
            foreach (var (size, viewport) in new[] { ("desktop", BrowserFixture.Desktop), ("phone", BrowserFixture.Phone) })
            {
                await using var context = await browser.NewContextAsync(ContextOptions(viewport));
                var (page, console) = await OpenDeskWithCameraAsync(context, listId);
                // The first look checks in; the second (phone) finds the same ticket already used: both through the scan path.
                try
                {
                    await Expect(page.GetByTestId("verdict")).ToContainTextAsync(size == "desktop" ? $"{name} checked in at" : "Already checked in at");
                    await Expect(page.GetByTestId("count-checked-in")).ToHaveTextAsync("1");
                }
                catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
                {
                    // Whether the page decoded nothing, or decoded and the call to .NET failed, is in its console.
                    throw new InvalidOperationException($"{size}: {ex.Message}\nBrowser console:\n{string.Join('\n', console)}", ex);
                }
                if (viewport.Width == BrowserFixture.Phone.Width)
                {
                    await page.WaitForDrawerClosedAsync();
                }

                await page.ScreenshotAsync(new PageScreenshotOptions
                {
                    Path = Path.Combine(fixture.ScreenshotFolder, $"attendance-desk-camera-{size}.png"), FullPage = true, Animations = ScreenshotAnimations.Disabled,
                });

                await page.GetByTestId("camera-stop").ClickAsync();
                await Expect(page.GetByTestId("camera-scanner")).ToHaveAttributeAsync("data-state", "off");
            }
        }
        finally
        {
            File.Delete(video);
        }
    }

    [Fact]
    public async Task DeskPage_WhenTheCodeDefeatsHtml5QrcodesOwnDecoder_ThenTheBarcodeDetectorStillReadsIt()
    {
        // Without the BarcodeDetector this fails every run (checked: 200 frames looked at, nothing read). No ticket has the
        // code, so the desk reads it and refuses it.
        const string code = FakeCamera.CodeThePortMisses;
        var (listId, _, _) = await fixture.OpenAttendanceNowAsync(Organizer, "Camera hard code", await fixture.CreateFreshUserAsync($"Hard Code {Guid.NewGuid():N}"[..19]));
        var video = Path.Combine(Path.GetTempPath(), $"oobc-ticket-{Guid.NewGuid():N}.y4m");
        FakeCamera.WriteQrVideo(video, code);
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await FakeCamera.LaunchBrowserAsync(playwright, video);
            await using var context = await browser.NewContextAsync(ContextOptions(BrowserFixture.Desktop));
            var (page, console) = await OpenDeskWithCameraAsync(context, listId);
            try
            {
                await Expect(page.GetByTestId("verdict")).ToContainTextAsync("not a valid ticket");
            }
            catch (PlaywrightException ex)
            {
                throw new InvalidOperationException($"{ex.Message}\nBrowser console:\n{string.Join('\n', console)}", ex);
            }

            await Expect(page.GetByTestId("count-checked-in")).ToHaveTextAsync("0");
        }
        finally
        {
            File.Delete(video);
        }
    }

    private BrowserNewContextOptions ContextOptions(ViewportSize viewport) => new()
    {
        BaseURL = fixture.BaseAddress.ToString().TrimEnd('/'),
        ViewportSize = viewport,
        Locale = "en-PH",
        TimezoneId = "Asia/Manila",
        ReducedMotion = ReducedMotion.Reduce,
    };

    /// <summary>Signs the desk in on its page, starts the camera and waits until it shows; the page's console is kept for failures.</summary>
    private static async Task<(IPage Page, System.Collections.Concurrent.ConcurrentQueue<string> Console)> OpenDeskWithCameraAsync(IBrowserContext context, Guid listId)
    {
        var page = await context.NewPageAsync();
        var console = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Console += (_, message) => console.Enqueue($"{message.Type}: {message.Text}");
        await page.GotoAsync($"/account/login?returnUrl={Uri.EscapeDataString($"/attendance/desk/{listId}")}");
        await page.SubmitSignInAsync(Desk, BrowserFixture.DemoPassword);
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("desk")).ToHaveAttributeAsync("data-interactive", "true");

        await page.GetByTestId("camera-start").ClickAsync();

        await Expect(page.GetByTestId("camera-scanner")).ToHaveAttributeAsync("data-state", "scanning");
        await Expect(page.GetByTestId("camera-view").Locator("video")).ToBeVisibleAsync();
        return (page, console);
    }

    [Fact]
    public async Task DeskPage_WhenTheBrowserMayNotUseACamera_ThenItSaysWhatToDo()
    {
        var (listId, _, _) = await fixture.OpenAttendanceNowAsync(Organizer, "Camera refused", await fixture.CreateFreshUserAsync($"No Camera {Guid.NewGuid():N}"[..20]));
        // The shared browser has no fake camera and no one to click "Allow": the page must explain, not fail.
        var (context, page) = await fixture.NewSignedInPageAsync(Desk, $"/attendance/desk/{listId}");
        await using var _ = context;

        await page.GetByTestId("camera-start").ClickAsync();

        await Expect(page.GetByTestId("camera-problem")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("not allowed to use the camera|No camera was found"));
        await Expect(page.GetByTestId("camera-scanner")).ToHaveAttributeAsync("data-state", "problem");
    }
}
