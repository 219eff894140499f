using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Modules.Leave.Domain.Ledger;
using OobcCalendar.Modules.Leave.Features.Jobs;
using OobcCalendar.Modules.Leave.Features.Balances;
using Shouldly;
using static OobcCalendar.Modules.Leave.Tests.Features.LeaveSteps;

namespace OobcCalendar.Modules.Leave.Tests.Features;

[Collection(LeaveCollection.Name)]
public sealed class LeaveJobTests(LeaveFixture fixture)
{
    private T Job<T>() => ActivatorUtilities.CreateInstance<T>(fixture.App.Services);

    [Fact]
    public async Task Accrue_WhenRunTwiceForAMonth_CreditsOnceAndProratesAMidMonthJoiner()
    {
        var joiner = fixture.StaffNo(3);
        await fixture.SendAs<Mediator.Unit>(fixture.Admin, new SetLeaveStartDate(joiner.Id, D(2, 16)));
        var job = Job<LeaveAccrualJob>();

        var january = await job.AccrueAsync(2027, 1, CancellationToken.None);
        var february = await job.AccrueAsync(2027, 2, CancellationToken.None);
        var again = await job.AccrueAsync(2027, 2, CancellationToken.None);

        january.ShouldBeGreaterThan(0);
        february.ShouldBeGreaterThan(0);
        again.ShouldBe(0);
        var vacation = await fixture.TypeIdAsync(VL);
        var privilege = await fixture.TypeIdAsync("SPL");
        await using var db = await fixture.DbAsync();
        var staff = await db.Ledger.Where(e => e.PersonId == fixture.Staff.Id && e.LeaveTypeId == vacation && e.Kind == LedgerEntryKind.Accrual).Select(e => e.Days).ToListAsync();
        staff.ShouldBe([1.25m, 1.25m]);
        var joined = await db.Ledger.Where(e => e.PersonId == joiner.Id && (e.Kind == LedgerEntryKind.Accrual || e.Kind == LedgerEntryKind.Grant))
            .Select(e => new { e.LeaveTypeId, e.Key, e.Days }).ToListAsync();
        joined.Single(e => e.LeaveTypeId == vacation).ShouldBe(new { LeaveTypeId = vacation, Key = (string?)"accrual:2027-02", Days = 0.58m }); // 13 of 28 days
        joined.Single(e => e.LeaveTypeId == privilege).Days.ShouldBe(2.5m); // 10 of 12 months of 3 days
    }

    [Fact]
    public async Task CloseYear_WhenRunTwice_ForfeitsMandatoryAndUncarriedDaysOnceAndCarriesTheRest()
    {
        var person = Guid.NewGuid();
        var vacation = await fixture.TypeIdAsync(VL);
        var privilege = await fixture.TypeIdAsync("SPL");
        await using (var db = await fixture.DbAsync())
        {
            db.Ledger.AddRange(
                Entry(person, vacation, LedgerEntryKind.Accrual, 17m, "accrual:2026-12"),
                Entry(person, vacation, LedgerEntryKind.Taken, -2m, "taken:x:2026"),
                Entry(person, privilege, LedgerEntryKind.Grant, 2m, "grant:2026"));
            await db.SaveChangesAsync();
        }

        var job = Job<LeaveYearEndJob>();
        (await job.CloseYearAsync(2026, CancellationToken.None)).ShouldBe(4);
        (await job.CloseYearAsync(2026, CancellationToken.None)).ShouldBe(0);

        await using var check = await fixture.DbAsync();
        var lines = await check.Ledger.Where(e => e.PersonId == person).ToListAsync();
        lines.Where(e => e.Year == 2026).Sum(e => e.Days).ShouldBe(0m);
        lines.Single(e => e.Key == "forfeit-mandatory:2026").Days.ShouldBe(-3m); // 5 required, 2 taken
        lines.Single(e => e.Key == "carry-in:2027" && e.LeaveTypeId == vacation).Days.ShouldBe(12m);
        lines.Single(e => e.Key == "forfeit:2026" && e.LeaveTypeId == privilege).Days.ShouldBe(-2m);
        lines.Where(e => e.LeaveTypeId == privilege).Sum(e => e.Days).ShouldBe(0m);
    }

    private static LedgerEntry Entry(Guid person, Guid type, LedgerEntryKind kind, decimal days, string key) =>
        LedgerEntry.Create(new LedgerLine(person, type, 2026, kind, days, new DateOnly(2026, 12, 31), key), LeaveFixture.Now);
}
