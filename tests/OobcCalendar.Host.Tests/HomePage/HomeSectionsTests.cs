using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using OobcCalendar.Host.Infrastructure;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.Users;
using OobcCalendar.Testing;
using Shouldly;

namespace OobcCalendar.Host.Tests.HomePage;

/// <summary>Home renders whatever cards the enabled modules register, in order and by role, without knowing any module.</summary>
public sealed class HomeSectionsTests : BunitContext, IAsyncLifetime
{
    private readonly TestCurrentUser me = new() { UserId = Guid.NewGuid() };

    public HomeSectionsTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton<ICurrentUser>(me);
        Services.AddSingleton(TimeProvider.System);
        // Two modules the host has never heard of; each brings its cards in its own definition.
        Services.AddSingleton(new ModuleCatalog(
        [
            new ModuleDefinition("Host", typeof(HostNavigation).Assembly, HostNavigation.Items),
            new ModuleDefinition("Alpha", typeof(HomeSectionsTests).Assembly, [new NavItem("Alpha page", "/alpha", MudBlazor.Icons.Material.Outlined.Star, "Calendar", [])])
            {
                HomeSections =
                [
                    new HomeSection("alpha.later", "Who is out", typeof(ProbeSection), 30),
                    new HomeSection("alpha.desk-hidden", "Staff only", typeof(ProbeSection), 5) { Roles = Roles.OfficeMemberRoles },
                ],
            },
            new ModuleDefinition("Beta", typeof(HomeSectionsTests).Assembly, [])
            {
                HomeSections =
                [
                    new HomeSection("beta.first", "Leave balance", typeof(ProbeSection), 10),
                    new HomeSection("beta.quiet", "You are away", typeof(QuietSection), 50),
                ],
            },
        ]));
    }

    [Fact]
    public void Home_WhenModulesRegisterSections_ThenRendersEachInOrderUnderItsTitle()
    {
        me.Roles.Add(Roles.Staff);

        var home = Render<OobcCalendar.Host.Components.Pages.Home>();

        var cards = home.FindAll("[data-testid=home-section]");
        cards.Select(c => c.GetAttribute("data-section")).ShouldBe(["alpha.desk-hidden", "beta.first", "alpha.later", "beta.quiet"]);
        cards[1].TextContent.ShouldContain("Leave balance");
        cards[1].QuerySelector("[data-testid=probe-section]").ShouldNotBeNull();
        home.Find("[data-testid=home-goto]").TextContent.ShouldContain("Alpha page");
    }

    [Fact]
    public void Home_WhenASectionNeedsARoleTheUserLacks_ThenLeavesItOut()
    {
        me.Roles.Add(Roles.CheckInDesk);

        var home = Render<OobcCalendar.Host.Components.Pages.Home>();

        home.FindAll("[data-testid=home-section]").Select(c => c.GetAttribute("data-section")).ShouldBe(["beta.first", "alpha.later", "beta.quiet"]);
    }

    [Fact]
    public void Home_WhenASectionHasNothingToSay_ThenItsWholeCardIsHiddenTitleIncluded()
    {
        me.Roles.Add(Roles.Staff);

        var home = Render<OobcCalendar.Host.Components.Pages.Home>();

        var quiet = home.Find("[data-section='beta.quiet']");
        quiet.HasAttribute("hidden").ShouldBeTrue();
        quiet.ClassList.ShouldContain("oobc-home-card-hidden");
        home.Find("[data-section='beta.first']").HasAttribute("hidden").ShouldBeFalse();
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    /// <summary>A card that hides its frame through the cascaded <see cref="HomeCard"/>, as "You are away" does when there is nothing.</summary>
    private sealed class QuietSection : ComponentBase
    {
        [CascadingParameter] private HomeCard? Card { get; set; }

        protected override void OnInitialized() => Card?.SetHidden(true);
    }

    /// <summary>A module's card as Home sees it: a component type and nothing else.</summary>
    private sealed class ProbeSection : ComponentBase
    {
        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "p");
            builder.AddAttribute(1, "data-testid", "probe-section");
            builder.AddContent(2, "From a module");
            builder.CloseElement();
        }
    }
}
