using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Modules.Leave.Domain.Holidays;
using OobcCalendar.Modules.Leave.Domain.LeaveTypes;
using OobcCalendar.Modules.Leave.Domain.Requests;
using OobcCalendar.Modules.Leave.Persistence;
using OobcCalendar.Shared.Persistence;
using Shouldly;

namespace OobcCalendar.Modules.Leave.Tests.Features;

[Collection(LeaveCollection.Name)]
public sealed class ReferenceDataTests(LeaveFixture fixture)
{
    private Task<LeaveDbContext> DbAsync() => fixture.App.Services.GetRequiredService<IDbContextFactory<LeaveDbContext>>().CreateDbContextAsync();

    [Fact]
    public async Task Seed_WhenTheHostStarts_AddsTheCivilServiceTypesAndThisAndNextYearsHolidays()
    {
        await using var db = await DbAsync();

        (await db.LeaveTypes.Select(t => t.Settings.Code).ToListAsync()).Order().ShouldBe(CivilServiceLeaveTypes.All.Select(t => t.Code).Order());
        (await db.Holidays.AnyAsync(h => h.Date == new DateOnly(2027, 3, 26) && h.Name == "Good Friday")).ShouldBeTrue();
        (await db.Holidays.AnyAsync(h => h.Date == new DateOnly(2028, 12, 30))).ShouldBeTrue();
        (await db.Holidays.AnyAsync(h => h.Date.Year == 2029)).ShouldBeFalse();
    }

    [Fact]
    public async Task Seed_WhenRunAgainAfterAdminRemovedAHoliday_AddsNothingAndDoesNotBringItBack()
    {
        var seeder = fixture.App.Services.GetRequiredService<LeaveReferenceData>();
        await using (var db = await DbAsync())
        {
            await db.Holidays.Where(h => h.Date == new DateOnly(2028, 8, 21)).ExecuteDeleteAsync();
        }

        await seeder.SeedAsync([2027, 2028], CancellationToken.None);
        await seeder.SeedAsync([2027, 2028], CancellationToken.None);

        await using var check = await DbAsync();
        (await check.LeaveTypes.CountAsync()).ShouldBe(CivilServiceLeaveTypes.All.Count);
        (await check.Holidays.CountAsync(h => h.Date.Year == 2027 && h.Name == "Christmas Day")).ShouldBe(1);
        (await check.Holidays.AnyAsync(h => h.Date == new DateOnly(2028, 8, 21))).ShouldBeFalse();
    }

    [Fact]
    public async Task Constraint_WhenOnePersonHoldsTwoOverlappingRequests_TheDatabaseRefusesTheSecond()
    {
        var person = Guid.NewGuid();
        await using var db = await DbAsync();
        var type = await db.LeaveTypes.FirstAsync();
        db.Requests.Add(Request(person, type.Id, new DateOnly(2027, 6, 7), new DateOnly(2027, 6, 9)));
        await db.SaveChangesAsync();

        db.Requests.Add(Request(person, type.Id, new DateOnly(2027, 6, 9), new DateOnly(2027, 6, 10)));
        var error = await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());

        PostgresErrors.IsExclusionViolation(error).ShouldBeTrue();
    }

    [Fact]
    public async Task Constraint_WhenAMorningAndAnAfternoonOfOneDay_BothStand()
    {
        var person = Guid.NewGuid();
        await using var db = await DbAsync();
        var type = await db.LeaveTypes.FirstAsync();
        var day = new DateOnly(2027, 6, 14);
        db.Requests.Add(Request(person, type.Id, day, day, DayPart.Morning));
        db.Requests.Add(Request(person, type.Id, day, day, DayPart.Afternoon));

        await db.SaveChangesAsync();

        (await db.Requests.CountAsync(r => r.PersonId == person)).ShouldBe(2);
    }

    private static LeaveRequest Request(Guid person, Guid type, DateOnly first, DateOnly last, DayPart part = DayPart.Full) =>
        LeaveRequest.Submit(Guid.CreateVersion7(), new LeaveApplication(person, type, LeavePeriod.Create(first, last, part, part), 1m, "Test", null, false), LeaveFixture.Now);
}
