using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Modules.Resources.Domain.Bookings;
using OobcCalendar.Modules.Resources.Features.Bookings;
using OobcCalendar.Modules.Resources.Features.Reports;
using OobcCalendar.Modules.Resources.Features.Resources;
using OobcCalendar.Modules.Resources.Persistence;
using OobcCalendar.Modules.Resources.Tests.Domain;
using OobcCalendar.Shared.Modules;
using Shouldly;

namespace OobcCalendar.Modules.Resources.Tests.Features;

/// <summary>The demo seed (run at the fixture's start, clock frozen at <see cref="Make.Now"/>) gives every dashboard something to show.</summary>
[Collection(ResourcesCollection.Name)]
public sealed class DemoDataTests(ResourcesFixture fixture)
{
    private static readonly string[] DemoResources =
        ["Conference Room A", "Board Room", "Huddle Room 1", "Training Hall", "Toyota Hiace (SAB 1234)", "Mitsubishi Strada (SAC 5678)", "Portable projector kit", "Loaner laptop 1"];

    [Fact]
    public async Task Seed_WhenDemoIsOn_ThenApproverHasRequestsWaiting()
    {
        var pending = await fixture.SendAs<IReadOnlyList<PendingApproval>>(fixture.Manager, new ListPendingApprovals());

        var demo = pending.Where(p => DemoResources.Contains(p.Booking.ResourceName)).ToList();
        demo.Count.ShouldBeGreaterThanOrEqualTo(3);
        demo.ShouldAllBe(p => p.Booking.Start > Make.Now && p.Booking.Status == BookingStatus.Pending);
    }

    [Fact]
    public async Task Seed_WhenDemoIsOn_ThenStaff1HasUpcomingBookingsAndOneRejectedWithReason()
    {
        var mine = await fixture.SendAs<IReadOnlyList<BookingItem>>(fixture.Staff, new ListMyBookings(Make.Now, IncludeClosed: true));

        var demo = mine.Where(b => DemoResources.Contains(b.ResourceName)).ToList();
        demo.Count(b => b.Status == BookingStatus.Approved).ShouldBeGreaterThanOrEqualTo(2);
        demo.Count(b => b.Status == BookingStatus.Pending).ShouldBeGreaterThanOrEqualTo(1);
        var rejected = demo.Where(b => b.Status == BookingStatus.Rejected).ShouldHaveSingleItem();
        rejected.DecisionReason.ShouldNotBeNullOrWhiteSpace();
        rejected.DecidedAt.ShouldNotBeNull().ShouldBeLessThanOrEqualTo(Make.Now);
    }

    [Fact]
    public async Task Seed_WhenDemoIsOn_ThenLastTwoWeeksHaveApprovedBookingsAndUtilisation()
    {
        var today = DateOnly.FromDateTime(Make.Now.DateTime);
        var report = await fixture.SendAs<UtilisationReport>(fixture.Manager, new GetUtilisation(today.AddDays(-14), today));

        var demo = report.Resources.Where(r => DemoResources.Contains(r.Name)).ToList();
        demo.Count.ShouldBe(DemoResources.Length);
        demo.Sum(r => r.Bookings).ShouldBeGreaterThanOrEqualTo(20);
        demo.ShouldAllBe(r => r.Percent > 0, "every demo resource was used in the last two weeks");
    }

    [Fact]
    public async Task Seed_WhenRunTwice_ThenChangesNothing()
    {
        var before = await CountsAsync();

        foreach (var seeder in fixture.App.Services.GetServices<IDemoDataSeeder>())
        {
            await seeder.SeedAsync(CancellationToken.None);
        }

        (await CountsAsync()).ShouldBe(before);
        before.Bookings.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task ListResourceFeatures_WhenDemoIsSeeded_ThenListsFeaturesAndNoPlateNumbers()
    {
        var features = await fixture.SendAs<IReadOnlyList<string>>(fixture.Staff, new ListResourceFeatures());

        features.ShouldContain("4x4");
        features.ShouldContain("Aircon");
        features.ShouldNotContain(f => f.Contains("SAB", StringComparison.OrdinalIgnoreCase) || f.Contains("SAC", StringComparison.OrdinalIgnoreCase) || f.StartsWith("Plate", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ListResources_WhenSearchingAPlate_ThenFindsTheVehicleWithItsIdentifier()
    {
        var found = await fixture.SendAs<IReadOnlyList<ResourceItem>>(fixture.Staff, new ListResources("SAC 5678", null, null, null, IncludeInactive: false));

        var pickup = found.ShouldHaveSingleItem();
        pickup.Name.ShouldBe("Mitsubishi Strada (SAC 5678)");
        pickup.Identifier.ShouldBe("SAC 5678");
        pickup.Features.ShouldNotContain(f => f.Contains("5678", StringComparison.Ordinal));
    }

    private async Task<(int Resources, int Bookings, int Outbox)> CountsAsync()
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<ResourcesDbContext>>().CreateDbContextAsync();
        return (await db.Resources.CountAsync(), await db.Bookings.CountAsync(), await db.OutboxMessages.CountAsync());
    }
}
