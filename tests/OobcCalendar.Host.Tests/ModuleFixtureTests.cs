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
        var polls = 0;
        var outside = System.Diagnostics.Stopwatch.StartNew();

        // True on the third look: the helper must have waited between looks, and can report no more than passed.
        var waited = await Eventually.Until(() => ++polls >= 3, TimeSpan.FromSeconds(30));
        outside.Stop();

        polls.ShouldBe(3);
        waited.ShouldBeGreaterThan(TimeSpan.Zero);
        waited.ShouldBeLessThanOrEqualTo(outside.Elapsed);
        await Should.ThrowAsync<TimeoutException>(() => Eventually.Until(() => false, TimeSpan.FromMilliseconds(50)));
    }
}
