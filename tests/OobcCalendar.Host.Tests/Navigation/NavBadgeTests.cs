using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using OobcCalendar.Host.Components.Layout;
using OobcCalendar.Host.Infrastructure;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.Users;
using OobcCalendar.Testing;
using Shouldly;

namespace OobcCalendar.Host.Tests.Navigation;

/// <summary>The drawer's live counters: shown beside their entry, hidden at 0, recounted when their topics change.</summary>
public sealed class NavBadgeTests : BunitContext, IAsyncLifetime
{
    private const string Key = "test.pending";
    private const string Topic = "test.bookings";
    private readonly CountingBadgeSource source = new(Key, Topic);
    private readonly InMemoryLiveUpdates live = new();

    public NavBadgeTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton<INavBadgeSource>(source);
        Services.AddSingleton<ILiveUpdates>(live);
        Services.AddSingleton<ICurrentUser>(new TestCurrentUser { UserId = Guid.NewGuid() });
        Services.AddSingleton(new ModuleCatalog(
        [
            new ModuleDefinition("Host", typeof(HostNavigation).Assembly, HostNavigation.Items),
            new ModuleDefinition(ResourcesModuleContract.Name, typeof(HostNavigation).Assembly,
            [
                new NavItem("Booking approvals", "/resources/approvals", MudBlazor.Icons.Material.Outlined.FactCheck, HostNavigation.Manage, [Roles.Manager], 10, Key),
            ]),
        ]));
        var auth = AddAuthorization();
        auth.SetAuthorized("manager.ops@oobc.gov.ph");
        auth.SetRoles(Roles.Manager, Roles.Staff);
        // Only an interactive circuit subscribes to live updates, as in the running app (set after every service).
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void NavMenu_WhenSourceCountsThree_ShowsThreeInsideItsEntry()
    {
        source.Count = 3;

        var menu = Render<NavMenu>();

        var link = menu.FindAll("a").Single(a => a.GetAttribute("href") == "/resources/approvals");
        link.QuerySelector($"[data-testid='nav-badge-{Key}']").ShouldNotBeNull().TextContent.Trim().ShouldBe("3");
        link.TextContent.ShouldContain("Booking approvals");
    }

    [Fact]
    public void NavMenu_WhenCountIsZero_ShowsNoBadge()
    {
        source.Count = 0;

        var menu = Render<NavMenu>();

        menu.Markup.ShouldContain("Booking approvals");
        menu.FindAll($"[data-testid='nav-badge-{Key}']").ShouldBeEmpty();
    }

    [Fact]
    public async Task NavMenu_WhenLiveUpdateOnSourceTopicArrives_ShowsTheNewCountWithoutReload()
    {
        source.Count = 2;
        var menu = Render<NavMenu>();
        menu.Find($"[data-testid='nav-badge-{Key}']").TextContent.Trim().ShouldBe("2");

        source.Count = 5;
        await live.PublishAsync(new LiveUpdate(Topic, Guid.NewGuid().ToString(), "requested"), CancellationToken.None);

        menu.WaitForAssertion(() => menu.Find($"[data-testid='nav-badge-{Key}']").TextContent.Trim().ShouldBe("5"));
    }

    [Fact]
    public async Task NavMenu_WhenLastItemIsDecided_HidesTheBadge()
    {
        source.Count = 1;
        var menu = Render<NavMenu>();
        menu.FindAll($"[data-testid='nav-badge-{Key}']").Count.ShouldBe(1);

        source.Count = 0;
        await live.PublishAsync(new LiveUpdate(Topic, Guid.NewGuid().ToString(), "approved"), CancellationToken.None);

        menu.WaitForAssertion(() => menu.FindAll($"[data-testid='nav-badge-{Key}']").ShouldBeEmpty());
    }

    [Fact]
    public async Task NavMenu_WhenUpdateIsOnAnotherTopic_DoesNotAskAgain()
    {
        source.Count = 4;
        Render<NavMenu>();
        var asked = source.Asked;

        await live.PublishAsync(new LiveUpdate("scheduling.events"), CancellationToken.None);

        source.Asked.ShouldBe(asked);
    }

    [Fact]
    public void NavMenu_WhenCountIsLarge_CapsTheText()
    {
        source.Count = 250;

        var menu = Render<NavMenu>();

        menu.Find($"[data-testid='nav-badge-{Key}']").TextContent.Trim().ShouldBe("99+");
    }

    [Fact]
    public async Task NavMenu_WhenDisposed_StopsListening()
    {
        Render<NavMenu>();
        live.SubscriberCount.ShouldBe(1);

        await DisposeComponentsAsync();

        live.SubscriberCount.ShouldBe(0);
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that only dispose asynchronously; xunit 2 disposes synchronously.
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
