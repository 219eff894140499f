using OobcCalendar.Modules.Leave.Domain.Ledger;
using OobcCalendar.Modules.Leave.Domain.LeaveTypes;
using Shouldly;

namespace OobcCalendar.Modules.Leave.Tests.Domain;

public sealed class YearEndTests
{
    private static readonly LeaveTypeSettings Vacation = CivilServiceLeaveTypes.All.Single(t => t.Code == CivilServiceLeaveTypes.Vacation);
    private static readonly LeaveTypeSettings Privilege = CivilServiceLeaveTypes.All.Single(t => t.Code == CivilServiceLeaveTypes.SpecialPrivilege);
    private static readonly MandatoryRule Forced = new("Mandatory/forced leave", 5m, 10m);

    [Fact]
    public void Close_WhenNoCapAndNoMandatoryRule_CarriesEverything() =>
        YearEnd.Close(12.5m, 0m, Vacation, null).ShouldBe(new YearEndOutcome(12.5m, 0m, 12.5m, 0m));

    [Fact]
    public void Close_WhenTheCapIsBelowTheBalance_CarriesTheCapAndForfeitsTheRest() =>
        YearEnd.Close(12m, 0m, Vacation with { CarryOverCapDays = 10m }, null).ShouldBe(new YearEndOutcome(12m, 0m, 10m, 2m));

    [Fact]
    public void Close_WhenTheTypeIsNotCarriedOver_ForfeitsAll() =>
        YearEnd.Close(2m, 1m, Privilege, null).ShouldBe(new YearEndOutcome(2m, 0m, 0m, 2m));

    [Fact]
    public void Close_WhenMandatoryDaysWereNotAllTaken_ForfeitsTheMissingDaysFirst() =>
        YearEnd.Close(15m, 2m, Vacation, Forced).ShouldBe(new YearEndOutcome(15m, 3m, 12m, 0m));

    [Fact]
    public void Close_WhenMandatoryDaysWereTaken_ForfeitsNothing() =>
        YearEnd.Close(15m, 6m, Vacation, Forced).ShouldBe(new YearEndOutcome(15m, 0m, 15m, 0m));

    [Fact]
    public void Close_WhenTheBalanceIsBelowTheMandatoryThreshold_ForfeitsNothing() =>
        YearEnd.Close(9.5m, 0m, Vacation, Forced).ShouldBe(new YearEndOutcome(9.5m, 0m, 9.5m, 0m));

    [Fact]
    public void Close_WhenOverdrawn_CarriesTheDebt() =>
        YearEnd.Close(-1m, 0m, Privilege, null).ShouldBe(new YearEndOutcome(-1m, 0m, -1m, 0m));

    [Fact]
    public void Lines_WhenClosing_MakeTheClosedYearSumToZeroAndOpenTheNextWithTheCarry()
    {
        var person = Guid.NewGuid();
        var type = Guid.NewGuid();
        var outcome = YearEnd.Close(15m, 2m, Vacation with { CarryOverCapDays = 10m }, Forced);

        var lines = YearEnd.Lines(person, type, 2026, outcome, Vacation with { CarryOverCapDays = 10m }, Forced).ToList();

        lines.Where(l => l.Year == 2026).Sum(l => l.Days).ShouldBe(-15m);
        lines.Single(l => l.Year == 2027).ShouldSatisfyAllConditions(
            l => l.Days.ShouldBe(10m),
            l => l.Kind.ShouldBe(LedgerEntryKind.CarryOver),
            l => l.Key.ShouldBe("carry-in:2027"));
        lines.Select(l => l.Key).ShouldBe(["forfeit-mandatory:2026", "forfeit:2026", "carry-out:2026", "carry-in:2027"]);
    }
}
