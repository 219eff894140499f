using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using OobcCalendar.Host.Components.Layout;
using OobcCalendar.Host.Infrastructure;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.Users;
using Shouldly;

namespace OobcCalendar.Host.Tests.Navigation;

public sealed class NavMenuTests : BunitContext
{
    public NavMenuTests()
    {
        Services.AddMudServices();
        // The host's Approvals entry carries a live counter, which asks who is signed in.
        Services.AddSingleton<ICurrentUser>(new OobcCalendar.Testing.TestCurrentUser { UserId = Guid.NewGuid() });
        Services.AddSingleton<OobcCalendar.Shared.LiveUpdates.ILiveUpdates>(new OobcCalendar.Testing.InMemoryLiveUpdates());
        Services.AddSingleton<IEnumerable<INavBadgeSource>>([]);
        JSInterop.Mode = JSRuntimeMode.Loose;
        var bookItem = new NavItem("Book a resource", "/resources", MudBlazor.Icons.Material.Outlined.MeetingRoom, "Resources", [Roles.Staff], 10);
        var moduleItem = new NavItem("Bookings", "/resources/bookings", MudBlazor.Icons.Material.Outlined.MeetingRoom, "Resources", [Roles.Staff]);
        Services.AddSingleton(new ModuleCatalog(
        [
            new ModuleDefinition("Host", typeof(HostNavigation).Assembly, HostNavigation.Items),
            new ModuleDefinition(ResourcesModuleContract.Name, typeof(HostNavigation).Assembly, [bookItem, moduleItem]),
        ]));
    }

    [Fact]
    public void NavMenu_WhenAdmin_ShowsAdminSection()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("admin@oobc.gov.ph");
        auth.SetRoles(Roles.Admin, Roles.Staff);

        var menu = Render<NavMenu>();

        menu.Markup.ShouldContain("Users");
        menu.Markup.ShouldContain("Integration events");
        menu.Markup.ShouldContain("Bookings");
        menu.Markup.ShouldNotContain("My team");
    }

    [Fact]
    public void NavMenu_WhenStaff_HidesManagerAndAdminEntries()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("staff1@oobc.gov.ph");
        auth.SetRoles(Roles.Staff);

        var menu = Render<NavMenu>();

        menu.Markup.ShouldContain("Directory");
        menu.Markup.ShouldContain("Bookings");
        menu.Markup.ShouldNotContain("My team");
        menu.Markup.ShouldNotContain("/admin/users");
    }

    [Fact]
    public void NavMenu_WhenModuleAddsEntry_PlacesItInItsSectionInOrder()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("manager.ops@oobc.gov.ph");
        auth.SetRoles(Roles.Manager, Roles.Staff);

        var sections = Render<NavMenu>().FindAll(".oobc-nav-section").Select(e => e.TextContent).ToList();

        sections.ShouldBe(["General", "Resources", "Manage"]);
    }

    [Theory]
    [InlineData("/resources/bookings", "/resources/bookings")]
    [InlineData("/resources", "/resources")]
    [InlineData("/resources/book/5?start=x", "/resources")]
    public void NavMenu_WhenOnNestedEntry_HighlightsExactlyOne(string page, string expectedHref)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("staff1@oobc.gov.ph");
        auth.SetRoles(Roles.Staff);
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo(page);

        var active = Render<NavMenu>().FindAll("a.active").Select(a => a.GetAttribute("href")).ToList();

        active.ShouldBe([expectedHref]);
    }

    [Fact]
    public void NavMenu_WhenNavigatingAway_MovesTheHighlight()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("staff1@oobc.gov.ph");
        auth.SetRoles(Roles.Staff);
        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        navigation.NavigateTo("/resources");
        var menu = Render<NavMenu>();

        navigation.NavigateTo("/resources/bookings");

        menu.WaitForAssertion(() =>
            menu.FindAll("a.active").Select(a => a.GetAttribute("href")).ToList().ShouldBe(["/resources/bookings"]));
    }

    [Fact]
    public void NavMenu_WhenSignedOut_RendersNothing()
    {
        AddAuthorization();

        Render<NavMenu>().FindAll("a").ShouldBeEmpty();
    }
}
