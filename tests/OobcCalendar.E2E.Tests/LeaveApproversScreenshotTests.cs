using System.Globalization;
using Microsoft.Playwright;
using OobcCalendar.Modules.Leave.Features.Approvers;
using OobcCalendar.Modules.Leave.Features.Balances;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace OobcCalendar.E2E.Tests;

/// <summary>
/// The "Substitute approver" card on My leave and Leave settings → Approvers (ADR 0026) at desktop and phone width. The
/// delegation shown is an upcoming one in November 2028 (no journey's "today"), withdrawn at the end so the other
/// journeys keep the usual approvers.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LeaveApproversScreenshotTests(BrowserFixture fixture)
{
    private const string Manager = "manager.ops@oobc.gov.ph";
    private const string Admin = "admin@oobc.gov.ph";

    [Fact]
    public async Task SubstituteCardAndApproversTab_AtDesktopAndPhoneWidth_ThenRender()
    {
        var people = await fixture.SendAsAsync<IReadOnlyList<LeavePerson>>(Admin, new ListLeavePeople());
        var manager = people.Single(p => p.Name == "Rashid Mangudadatu");
        var substitute = people.Single(p => p.Name == "Noraida Ampatuan");
        var delegation = await fixture.SendAsAsync<Guid>(Manager, new SetApprovalDelegation(manager.Id, substitute.Id, new DateOnly(2028, 11, 6), new DateOnly(2028, 11, 17)));
        try
        {
            foreach (var (size, viewport) in new[] { ("desktop", BrowserFixture.Desktop), ("phone", BrowserFixture.Phone) })
            {
                var (context, page) = await fixture.NewSignedInPageAsync(Manager, "/leave", viewport);
                await using (context)
                {
                    await Expect(page.GetByTestId("substitute-delegation")).ToContainTextAsync("Noraida Ampatuan");
                    await Expect(page.GetByTestId("substitute-state")).ToHaveTextAsync("Upcoming");
                    await ShootAsync(page, "leave-substitute-card", size);
                }

                var (adminContext, admin) = await fixture.NewSignedInPageAsync(Admin, "/leave/manage", viewport);
                await using (adminContext)
                {
                    await admin.GetByRole(AriaRole.Tab, new() { Name = "Approvers" }).ClickAsync();
                    await Expect(admin.GetByTestId("hr-approvers")).ToBeVisibleAsync();
                    await admin.GetByTestId("substitute-manager").ClickAsync();
                    await admin.Locator(".mud-popover-open").GetByText("Rashid Mangudadatu", new() { Exact = true }).ClickAsync();
                    await Expect(admin.GetByTestId("substitute-delegation")).ToContainTextAsync("Noraida Ampatuan");
                    await ShootAsync(admin, "leave-manage-approvers", size);
                }
            }
        }
        finally
        {
            await fixture.SendAsAsync<Mediator.Unit>(Manager, new EndApprovalDelegation(delegation));
        }
    }

    private async Task ShootAsync(IPage page, string name, string size)
    {
        var path = Path.Combine(fixture.ScreenshotFolder, string.Create(CultureInfo.InvariantCulture, $"{name}-{size}.png"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Animations = ScreenshotAnimations.Disabled });
        new FileInfo(path).Length.ShouldBeGreaterThan(0);
    }
}
