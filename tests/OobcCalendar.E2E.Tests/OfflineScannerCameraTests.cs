using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace OobcCalendar.E2E.Tests;

/// <summary>
/// The offline scanner's camera with no network at all: the page reloaded from its service worker's cache still starts
/// the camera and reads a code, because the worker keeps html5-qrcode, the BarcodeDetector polyfill and its WebAssembly
/// (ADR 0030, 0041). The code is one html5-qrcode's own decoder misses, and no ticket has it: the device says so itself.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OfflineScannerCameraTests(BrowserFixture fixture)
{
    private const string Desk = "desk1@oobc.gov.ph";

    [Fact]
    public async Task OfflineScanner_WhenTheCameraIsStartedWithNoNetwork_ThenItReadsTheCodeFromTheKeptLibraries()
    {
        var (listId, _, _) = await fixture.OpenAttendanceNowAsync(
            "manager.ops@oobc.gov.ph", "Offline camera", await fixture.CreateFreshUserAsync($"Offline Cam {Guid.NewGuid():N}"[..20]));
        var video = Path.Combine(Path.GetTempPath(), $"oobc-ticket-{Guid.NewGuid():N}.y4m");
        FakeCamera.WriteQrVideo(video, FakeCamera.CodeThePortMisses);
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await FakeCamera.LaunchBrowserAsync(playwright, video);
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = fixture.BaseAddress.ToString().TrimEnd('/'),
                ViewportSize = BrowserFixture.Desktop,
                Locale = "en-PH",
                TimezoneId = "Asia/Manila",
                ReducedMotion = ReducedMotion.Reduce,
            });
            var page = await context.NewPageAsync();
            await page.GotoAsync($"/account/login?returnUrl={Uri.EscapeDataString($"/attendance/offline/{listId}")}");
            await page.SubmitSignInAsync(Desk, BrowserFixture.DemoPassword);
            await Expect(page.GetByTestId("cache-state")).ToHaveAttributeAsync("data-ready", "true");

            await context.SetOfflineAsync(true);
            var reload = await page.ReloadAsync();
            reload.ShouldNotBeNull().FromServiceWorker.ShouldBeTrue();
            await page.GetByTestId("camera-toggle").ClickAsync();

            await Expect(page.GetByTestId("offline-verdict")).ToContainTextAsync("not on the list on this device");
            // The decoder that read it came from the cache too: its WebAssembly compiles and runs with the network off.
            (await page.EvaluateAsync<bool>("""
                async () => {
                    const canvas = document.createElement('canvas');
                    canvas.width = canvas.height = 8;
                    canvas.getContext('2d').fillRect(0, 0, 8, 8);
                    return Array.isArray(await new BarcodeDetector({ formats: ['qr_code'] }).detect(canvas));
                }
                """)).ShouldBeTrue();
        }
        finally
        {
            File.Delete(video);
        }
    }
}
