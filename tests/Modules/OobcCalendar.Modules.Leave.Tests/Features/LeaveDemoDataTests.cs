using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Modules.Leave.Contracts;
using OobcCalendar.Modules.Leave.Features.Balances;
using OobcCalendar.Modules.Leave.Features.Requests;
using OobcCalendar.Modules.Leave.Persistence;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.Users;
using OobcCalendar.Testing;
using Shouldly;

namespace OobcCalendar.Modules.Leave.Tests.Features;

/// <summary>
/// The demo leave, seeded at the fixture's start with the clock on Monday 7 December 2026, 9 AM in Manila (the 8th is
/// a holiday, the demo steps over it): every screen of Leave has something to show, and a second run adds nothing.
/// </summary>
[Collection(LeaveDemoCollection.Name)]
public sealed class LeaveDemoDataTests(LeaveDemoFixture fixture)
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    [Fact]
    public async Task Seed_WhenDemoIsOn_ThenEachManagerHasTheirPeoplesRequestsWaiting()
    {
        var ops = await fixture.SendAs<IReadOnlyList<LeaveToDecide>>(fixture.Manager, new ListLeaveToDecide());
        var programs = await fixture.SendAs<IReadOnlyList<LeaveToDecide>>(fixture.OtherManager, new ListLeaveToDecide());

        ops.Count.ShouldBeInRange(2, 3);
        ops.Select(r => r.PersonName).Distinct().Count().ShouldBe(2);
        programs.Count.ShouldBeInRange(2, 3);
        ops.Concat(programs).ShouldAllBe(r => r.FirstDay > Today && r.FiledAt < LeaveDemoFixture.Now);
    }

    [Fact]
    public async Task Seed_WhenDemoIsOn_ThenWhosOutShowsLeaveThisWeekAndNextWithSickLeaveKeptPrivate()
    {
        var everyone = await fixture.SendAs<IReadOnlyList<PersonOut>>(fixture.Admin, new GetWhosOut(Today, Today.AddDays(13)));
        var colleague = await fixture.SendAs<IReadOnlyList<PersonOut>>(fixture.DemoUser("staff5@oobc.gov.ph"), new GetWhosOut(Today, Today));

        everyone.Count.ShouldBeGreaterThanOrEqualTo(4);
        everyone.ShouldContain(o => o.FirstDay <= Today && o.LastDay >= Today, "someone is out today");
        everyone.ShouldContain(o => o.FirstDay > Today.AddDays(6 - ((int)Today.DayOfWeek + 6) % 7), "someone is out next week");
        var sick = colleague.ShouldHaveSingleItem();
        sick.PersonName.ShouldBe("Sittie Abdullah");
        sick.Label.ShouldBe(GetWhosOutHandler.OutOfOffice);
    }

    [Fact]
    public async Task Seed_WhenDemoIsOn_ThenOneRequestWasRejectedWithItsReason()
    {
        var mine = await fixture.SendAs<IReadOnlyList<MyLeaveRequest>>(fixture.DemoUser("staff5@oobc.gov.ph"), new ListMyLeaveRequests());

        var rejected = mine.Where(r => r.Status == "Rejected").ShouldHaveSingleItem();
        rejected.DecisionReason.ShouldNotBeNullOrWhiteSpace();
        rejected.DecidedAt.ShouldNotBeNull().ShouldBeLessThanOrEqualTo(LeaveDemoFixture.Now);
        mine.ShouldContain(r => r.Status == "Approved" && r.LastDay < Today, "leave taken last week");
    }

    [Fact]
    public async Task Seed_WhenDemoIsOn_ThenEveryoneHasOpeningCreditsAndTakenDaysAreBooked()
    {
        var newcomer = await fixture.SendAs<IReadOnlyList<LeaveBalance>>(fixture.DemoUser("staff3@oobc.gov.ph"), new GetMyBalances());
        var staff2 = await fixture.SendAs<IReadOnlyList<LeaveBalance>>(fixture.DemoUser("staff2@oobc.gov.ph"), new GetMyBalances());

        newcomer.Single(b => b.Code == LeaveSteps.VL).Balance.ShouldNotBeNull().ShouldBeGreaterThan(0);
        newcomer.Single(b => b.Code == LeaveSteps.SL).Balance.ShouldNotBeNull().ShouldBeGreaterThan(0);
        var vacation = staff2.Single(b => b.Code == LeaveSteps.VL);
        vacation.Pending.ShouldBe(2m);
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<LeaveDbContext>>().CreateDbContextAsync();
        var opening = await db.Ledger.Where(e => e.PersonId == fixture.DemoUser("staff2@oobc.gov.ph").Id && e.Key == LeaveDemoData.OpeningKey && e.LeaveTypeId == vacation.LeaveTypeId)
            .SumAsync(e => e.Days);
        vacation.Balance.ShouldBe(opening - 2m, "two days approved this week were booked as taken");
    }

    [Fact]
    public async Task Seed_WhenDemoIsOn_ThenApprovedLeaveWasPublishedForScheduling()
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<LeaveDbContext>>().CreateDbContextAsync();
        var approved = await db.Requests.CountAsync(r => r.Status == OobcCalendar.Modules.Leave.Domain.Requests.LeaveRequestStatus.Approved);
        var events = await db.OutboxMessages.CountAsync(m => m.Type.Contains(nameof(LeaveApprovedIntegrationEvent)));

        approved.ShouldBeGreaterThanOrEqualTo(4);
        events.ShouldBe(approved);
    }

    [Fact]
    public async Task Seed_WhenRunTwice_ThenAddsNothing()
    {
        var before = await CountsAsync();

        foreach (var seeder in fixture.App.Services.GetServices<IDemoDataSeeder>())
        {
            await seeder.SeedAsync(CancellationToken.None);
        }

        (await CountsAsync()).ShouldBe(before);
        before.Requests.ShouldBe(11, "every planned request passed the rules it was judged by");
    }

    private async Task<(int Requests, int Ledger, int Outbox)> CountsAsync()
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<LeaveDbContext>>().CreateDbContextAsync();
        return (await db.Requests.CountAsync(), await db.Ledger.CountAsync(), await db.OutboxMessages.CountAsync());
    }
}

/// <summary>Only Leave, its demo seed on (the other Leave fixtures keep it off), clock frozen on Monday 7 December 2026.</summary>
public sealed class LeaveDemoFixture() : ModuleFixture(new ModuleFixtureOptions("leavedemo", [LeaveModuleContract.Name])
{
    FrozenAt = Now,
    Identity = TestIdentity.TestUserOutsideRequests,
    Settings = new Dictionary<string, string?> { ["Seed:DemoLeave"] = "true" },
})
{
    public static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(8));

    public DirectoryUser Admin => DemoUser("admin@oobc.gov.ph");

    public DirectoryUser Manager => DemoUser("manager.ops@oobc.gov.ph");

    public DirectoryUser OtherManager => DemoUser("manager.programs@oobc.gov.ph");
}

[CollectionDefinition(Name)]
public sealed class LeaveDemoCollection : ICollectionFixture<LeaveDemoFixture>
{
    public const string Name = "leave-demo";
}
