using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Features.Events;
using OobcCalendar.Modules.Sharing.Domain;
using OobcCalendar.Modules.Sharing.Features.Links;
using OobcCalendar.Shared.Users;
using static Microsoft.Playwright.Assertions;

namespace OobcCalendar.E2E.Tests;

/// <summary>
/// Share links (issue 13, ADR 0032): a staff member shares their calendar titles-only, a signed-out visitor sees the
/// titles and nothing more, a new event reaches the open page live, and revoking turns the open page into "This link has
/// expired" without a reload. Each test's owner is a fresh user, so only the events it makes itself can appear.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SharingJourneyTests(BrowserFixture fixture)
{
    private const string Participant = "staff3@oobc.gov.ph";
    private const string ParticipantName = "Tomas Reyes";
    private const string Admin = "admin@oobc.gov.ph";
    private static readonly TimeZoneInfo Manila = TimeZoneInfo.FindSystemTimeZoneById("Asia/Manila");

    [Fact]
    public async Task ShareLink_WhenTitlesOnlyAndThenRevoked_ThenTheVisitorSeesTitlesLiveAndThenTheExpiredPage()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var owner = await fixture.CreateFreshUserAsync($"Sharer {tag}");
        var participantId = await UserIdAsync(Participant);
        await fixture.SendAsAsync<Guid>(owner, new CreateEvent(Draft($"Briefing {tag}", 10, $"Agenda {tag} confidential", $"Room {tag}-7B", [participantId])));

        var (ownerContext, ownerPage) = await fixture.NewSignedInPageAsync(owner, "/sharing", interactive: false);
        await using var _ = ownerContext;
        await ownerContext.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await Expect(ownerPage.Locator("[data-testid=sharing-page][data-interactive=true]")).ToBeAttachedAsync();
        await ownerPage.GetByTestId("share-new-label").FillAsync($"Partners {tag}");
        await ownerPage.GetByTestId("share-create").ClickAsync();
        await Expect(ownerPage.GetByTestId("share-created")).ToBeVisibleAsync();
        await ownerPage.GetByRole(AriaRole.Button, new() { Name = "Copy Web page" }).ClickAsync();
        var address = await ownerPage.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        address.ShouldBe(await ownerPage.GetByTestId("share-created-url").InputValueAsync());
        address.ShouldStartWith(fixture.BaseAddress.ToString().TrimEnd('/') + "/s/");
        (await ownerPage.GetByTestId("share-created-webcal").InputValueAsync()).ShouldStartWith("webcal://");
        await Expect(ownerPage.GetByTestId("share-links")).ToContainTextAsync($"Partners {tag}");
        // Afterwards the list shows only the token's first characters, never the whole of it.
        var token = address[(address.LastIndexOf('/') + 1)..];
        await Expect(ownerPage.GetByTestId("share-links")).Not.ToContainTextAsync(token);
        await ShootAsync(ownerPage, "sharing-created", "desktop");

        var (visitorContext, visitor) = await fixture.NewPageAsync();
        await using var __ = visitorContext;
        var requests = new List<string>();
        visitor.Request += (_, request) => requests.Add(request.Url);
        visitor.WebSocket += (_, socket) => requests.Add(socket.Url);
        var response = await visitor.GotoAsync(address);
        response!.Status.ShouldBe(200);
        var headers = await response.AllHeadersAsync();
        headers["referrer-policy"].ShouldBe("no-referrer");
        headers["x-robots-tag"].ShouldContain("noindex");
        headers["content-security-policy"].ShouldContain("frame-ancestors 'none'");
        headers["x-frame-options"].ShouldBe("DENY");
        await Expect(visitor.Locator("meta[name=robots]")).ToHaveAttributeAsync("content", "noindex, nofollow");

        var calendar = await WaitForSharedCalendarAsync(visitor);
        await Expect(calendar).ToContainTextAsync($"Briefing {tag}");
        await Expect(visitor.GetByTestId("share-label")).ToHaveTextAsync($"Partners {tag}");
        var html = await visitor.ContentAsync();
        html.ShouldNotContain($"Agenda {tag}");
        html.ShouldNotContain($"Room {tag}");
        html.ShouldNotContain(ParticipantName);
        html.ShouldNotContain($"Sharer {tag}");
        await ShootAsync(visitor, "sharing-public-month", "desktop");

        // The owner adds an event: the open page shows it without a reload.
        await fixture.SendAsAsync<Guid>(owner, new CreateEvent(Draft($"Follow-up {tag}", 14, null, null, [])));
        await Expect(calendar).ToContainTextAsync($"Follow-up {tag}");

        await visitor.GetByTestId("view-agenda").ClickAsync();
        await Expect(visitor.GetByTestId("view-agenda")).ToHaveAttributeAsync("aria-checked", "true");
        await Expect(calendar).ToContainTextAsync($"Follow-up {tag}");
        await ShootAsync(visitor, "sharing-public-agenda", "desktop");

        // Revoked: the open page turns into the expired page on its next update, and so does every later request.
        await ownerPage.GetByTestId("share-link-revoke").ClickAsync();
        await Expect(visitor.GetByTestId("share-expired")).ToBeVisibleAsync();
        await Expect(visitor.GetByTestId("calendar")).ToHaveCountAsync(0);
        await ShootAsync(visitor, "sharing-expired", "desktop");

        var (laterContext, later) = await fixture.NewPageAsync();
        await using var ___ = laterContext;
        var again = await later.GotoAsync(address);
        again!.Status.ShouldBe(404);
        await Expect(later.GetByTestId("share-expired")).ToBeVisibleAsync();
        await Expect(later.GetByText("This link has expired")).ToBeVisibleAsync();

        // Nothing left for another site: every request (the circuit's socket too) went to the app itself.
        var origin = fixture.BaseAddress.GetLeftPart(UriPartial.Authority);
        var socketOrigin = "ws" + origin[4..];
        requests.ShouldNotBeEmpty();
        requests.Where(u => !u.StartsWith(origin + "/", StringComparison.Ordinal) && !u.StartsWith(socketOrigin + "/", StringComparison.Ordinal) && !u.StartsWith("data:", StringComparison.Ordinal))
            .ShouldBeEmpty();
    }

    [Fact]
    public async Task ShareLink_WhenPinProtectedAndEmbeddable_ThenItAsksThePinAndMayBeFramed()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var owner = await fixture.CreateFreshUserAsync($"Pin sharer {tag}");
        await fixture.SendAsAsync<Guid>(owner, new CreateEvent(Draft($"Pinned review {tag}", 9, null, null, [])));
        var created = await fixture.SendAsAsync<CreatedShareLink>(owner, new CreateShareLink(
            ShareScope.MyCalendar, null, ShareModules.Events, ShareDetailLevel.Titles, $"Board {tag}", null, "4821", AllowEmbed: true));

        foreach (var (size, viewport) in new[] { ("desktop", BrowserFixture.Desktop), ("phone", BrowserFixture.Phone) })
        {
            var (context, page) = await fixture.NewPageAsync(viewport);
            await using (context)
            {
                var response = await page.GotoAsync($"/s/{created.Token}");
                var headers = await response!.AllHeadersAsync();
                headers["content-security-policy"].ShouldContain("frame-ancestors *");
                headers.ShouldNotContainKey("x-frame-options");
                headers["referrer-policy"].ShouldBe("no-referrer");
                await Expect(page.Locator("[data-testid=share-public][data-interactive=true]")).ToBeAttachedAsync();
                await Expect(page.GetByTestId("share-pin")).ToBeVisibleAsync();
                (await page.ContentAsync()).ShouldNotContain($"Pinned review {tag}");
                await ShootAsync(page, "sharing-pin", size);

                await page.GetByTestId("share-pin").FillAsync("0000");
                await page.GetByTestId("share-pin-submit").ClickAsync();
                await Expect(page.GetByText("That PIN is not right")).ToBeVisibleAsync();
                await ShootAsync(page, "sharing-pin-wrong", size);

                await page.GetByTestId("share-pin").FillAsync("4821");
                await page.GetByTestId("share-pin-submit").ClickAsync();
                await Expect(page.GetByTestId("calendar")).ToContainTextAsync($"Pinned review {tag}");
                if (size == "phone")
                {
                    (await WiderThanTheScreenAsync(page)).ShouldBeEmpty();
                    await ShootAsync(page, "sharing-public-agenda", size);
                    await page.GetByTestId("view-month").ClickAsync();
                    await Expect(page.GetByTestId("view-month")).ToHaveAttributeAsync("aria-checked", "true");
                    await ShootAsync(page, "sharing-public-month", size);
                }
            }
        }
    }

    [Fact]
    public async Task SharingPages_AtPhoneWidth_ThenRenderTheCreatedPanelTheAdminScreenAndTheExpiredPage()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var owner = await fixture.CreateFreshUserAsync($"Phone sharer {tag}");
        var (context, page) = await fixture.NewSignedInPageAsync(owner, "/sharing", BrowserFixture.Phone, interactive: false);
        await using (context)
        {
            await Expect(page.Locator("[data-testid=sharing-page][data-interactive=true]")).ToBeAttachedAsync();
            await page.GetByTestId("share-new-label").FillAsync($"Phone partners {tag}");
            await page.GetByTestId("share-create").ClickAsync();
            await Expect(page.GetByTestId("share-created")).ToBeVisibleAsync();
            (await WiderThanTheScreenAsync(page)).ShouldBeEmpty();
            await ShootAsync(page, "sharing-created", "phone");
            var address = await page.GetByTestId("share-created-url").InputValueAsync();
            await page.GetByTestId("share-link-revoke").ClickAsync();
            await Expect(page.GetByTestId("share-link-status")).ToHaveTextAsync("Revoked");

            var (visitorContext, visitor) = await fixture.NewPageAsync(BrowserFixture.Phone);
            await using (visitorContext)
            {
                await visitor.GotoAsync(address);
                await Expect(visitor.GetByTestId("share-expired")).ToBeVisibleAsync();
                await ShootAsync(visitor, "sharing-expired", "phone");
            }
        }

        foreach (var (size, viewport) in new[] { ("desktop", BrowserFixture.Desktop), ("phone", BrowserFixture.Phone) })
        {
            var (adminContext, admin) = await fixture.NewSignedInPageAsync(Admin, "/sharing/admin", viewport, interactive: false);
            await using (adminContext)
            {
                await Expect(admin.Locator("[data-testid=sharing-admin][data-interactive=true]")).ToBeAttachedAsync();
                await Expect(admin.GetByTestId("share-links")).ToContainTextAsync($"Phone partners {tag}");
                await ShootAsync(admin, "sharing-admin", size);
                if (size == "desktop")
                {
                    // Out of range: a clear message, nothing saved (the value stays what other tests rely on).
                    var days = admin.GetByTestId("share-max-days");
                    var before = await days.InputValueAsync();
                    await days.FillAsync("0");
                    await admin.GetByTestId("share-max-save").ClickAsync();
                    await Expect(admin.GetByText("The longest expiry must be between 1 and 3650 days.")).ToBeVisibleAsync();
                    await ShootAsync(admin, "sharing-admin-invalid", size);
                    await days.FillAsync(before);
                    await admin.GetByTestId("share-max-save").ClickAsync();
                    await Expect(admin.GetByText($"New links may last at most {before} days.")).ToBeVisibleAsync();
                }
            }
        }
    }

    private static EventDraft Draft(string title, int hour, string? description, string? location, IReadOnlyList<Guid> participants)
    {
        // Today in Manila (the owner's zone): the page opens on the current month (and, on a phone, the current week).
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Manila).DateTime);
        var start = new DateTimeOffset(today.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(8));
        return new EventDraft(title, description, location, start, start.AddHours(1), "Asia/Manila", false, null, EventVisibility.Normal, participants, null, null);
    }

    private static async Task<ILocator> WaitForSharedCalendarAsync(IPage page)
    {
        await Expect(page.Locator("[data-testid=share-public][data-interactive=true]")).ToBeAttachedAsync();
        var calendar = page.Locator("[data-testid=calendar][data-ready=true]");
        await Expect(calendar).ToBeVisibleAsync();
        return calendar;
    }

    // Elements reaching past the right edge of the screen (a phone page must not scroll sideways), as "tag.class".
    private static Task<string[]> WiderThanTheScreenAsync(IPage page) => page.EvaluateAsync<string[]>(
        """
        () => [...document.querySelectorAll("body *")]
          .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join(".")}`)
          .slice(0, 10)
        """);

    private async Task<Guid> UserIdAsync(string email)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IUserDirectory>().SearchAsync(email, 1, CancellationToken.None)).Single().Id;
    }

    private async Task ShootAsync(IPage page, string name, string size)
    {
        var path = Path.Combine(fixture.ScreenshotFolder, string.Create(CultureInfo.InvariantCulture, $"{name}-{size}.png"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Animations = ScreenshotAnimations.Disabled });
        new FileInfo(path).Length.ShouldBeGreaterThan(0);
    }
}
