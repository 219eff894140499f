using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Leave.Domain.Requests;
using OobcCalendar.Modules.Leave.Features.Requests;
using OobcCalendar.Shared.Errors;
using Shouldly;
using static OobcCalendar.Modules.Leave.Tests.Features.LeaveSteps;

namespace OobcCalendar.Modules.Leave.Tests.Features;

[Collection(LeaveCollection.Name)]
public sealed class BalanceRaceTests(LeaveFixture fixture)
{
    [Fact]
    public async Task Submit_WhenRequestsOnDifferentDaysRaceForTheLastCredits_NoMoreThanTheBalanceIsHeld()
    {
        // Emergency leave of the operations manager (nobody else's): 3 days credited, 8 one-day requests at once.
        var person = fixture.Manager;
        await fixture.CreditAsync(person, "EL", 3m);
        var available = (await fixture.AvailableAsync(person, "EL"))!.Value;
        using var gate = new ManualResetEventSlim();
        var racers = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            gate.Wait();
            try
            {
                await fixture.FileAsync(person, "EL", D(9, 6).AddDays(i), D(9, 6).AddDays(i));
                return true;
            }
            catch (InputValidationException)
            {
                return false;
            }
        })).ToList();
        gate.Set();

        var won = (await Task.WhenAll(racers)).Count(w => w);

        // Weekend days among the eight cost nothing and are refused as "nothing to request".
        var weekdays = Enumerable.Range(0, 8).Count(i => !OobcCalendar.Modules.Leave.Domain.Holidays.HolidayCalendar.IsWeekend(D(9, 6).AddDays(i)));
        won.ShouldBe((int)Math.Min(available, weekdays));
        await using var db = await fixture.DbAsync();
        var el = await fixture.TypeIdAsync("EL");
        (await db.Requests.Where(r => r.PersonId == person.Id && r.LeaveTypeId == el && r.Status == LeaveRequestStatus.Pending).SumAsync(r => r.Days)).ShouldBeLessThanOrEqualTo(available);
    }

    [Fact]
    public async Task Submit_WhenMandatoryLeave_SpendsVacationCredits()
    {
        var person = fixture.StaffNo(5);
        await fixture.CreditAsync(person, VL, 5m);
        var before = await fixture.AvailableAsync(person, VL);

        await fixture.FileAsync(person, "FL", D(10, 11), D(10, 15));

        (await fixture.AvailableAsync(person, VL)).ShouldBe(before - 5m);
        (await fixture.AvailableAsync(person, "FL")).ShouldBe(before - 5m);
    }
}
