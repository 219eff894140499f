using Microsoft.Playwright;
using OobcCalendar.Modules.Attendance.Features.Tickets;
using static Microsoft.Playwright.Assertions;

namespace OobcCalendar.E2E.Tests;

/// <summary>
/// The desk's camera scanner for real: Chromium's fake camera plays a video of a ticket's QR code (written here as
/// YUV4MPEG2), html5-qrcode decodes it in the page, and the person is checked in through the same path as the scan box.
/// A browser without a camera it may use gets a sentence, not an error.
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
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = BrowserFixture.ChromiumPath,
                Headless = true,
                Args =
                [
                    .. BrowserFixture.LaunchArguments,
                    "--use-fake-device-for-media-stream",
                    "--use-fake-ui-for-media-stream",
                    $"--use-file-for-fake-video-capture={video}",
                ],
            });
            foreach (var (size, viewport) in new[] { ("desktop", BrowserFixture.Desktop), ("phone", BrowserFixture.Phone) })
            {
                await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
                {
                    BaseURL = fixture.BaseAddress.ToString().TrimEnd('/'),
                    ViewportSize = viewport,
                    Locale = "en-PH",
                    TimezoneId = "Asia/Manila",
                    ReducedMotion = ReducedMotion.Reduce,
                });
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
