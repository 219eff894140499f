using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Testing;
using Shouldly;

namespace OobcCalendar.Host.Tests;

/// <summary>A host booted by the test kit with one module, a frozen clock and the test user outside requests.</summary>
public sealed class ResourcesOnlyFixture() : ModuleFixture(new ModuleFixtureOptions("kit", ["Resources"])
{
    FrozenAt = new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero),
    Identity = TestIdentity.TestUserOutsideRequests,
});

public sealed class ModuleFixtureTests(ResourcesOnlyFixture fixture) : IClassFixture<ResourcesOnlyFixture>
{
    [Fact]
    public void InitializeAsync_WhenOneModuleIsAsked_ThenOnlyThatModuleAndTheHostAreRegistered()
    {
        var catalog = fixture.App.Services.GetRequiredService<ModuleCatalog>();

        catalog.Modules.Select(m => m.Name).Order().ShouldBe(["Host", "Resources"]);
        ModuleNames.All.Where(n => n != "Resources").ShouldAllBe(n => !catalog.IsEnabled(n));
    }

    [Fact]
    public void InitializeAsync_WhenFrozenAtIsSet_ThenTheHostReadsTheFakeClock()
    {
        var clock = fixture.App.Services.GetRequiredService<TimeProvider>();

        clock.ShouldBeSameAs(fixture.Clock);
        clock.GetUtcNow().ShouldBe(new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero));
        clock.ShouldBeOfType<FakeTimeProvider>();
    }

    [Fact]
    public async Task SignedInClientAsync_WhenADemoUserSignsIn_ThenTheCookieOpensAPage()
    {
        using var client = await fixture.SignedInClientAsync(fixture.DemoUser("staff1@oobc.gov.ph"));

        using var response = await client.GetAsync(new Uri("/resources", UriKind.Relative));

        ((int)response.StatusCode).ShouldBe(200);
    }

    [Fact]
    public async Task Until_WhenTheConditionHoldsLater_ThenItReturnsTheTimeItWaited()
    {
        var started = DateTime.UtcNow;

        var waited = await Eventually.Until(() => DateTime.UtcNow - started > TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(30));

        waited.ShouldBeGreaterThan(TimeSpan.FromMilliseconds(50));
        await Should.ThrowAsync<TimeoutException>(() => Eventually.Until(() => false, TimeSpan.FromMilliseconds(50)));
    }
}
