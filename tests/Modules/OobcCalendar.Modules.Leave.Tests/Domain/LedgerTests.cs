using OobcCalendar.Modules.Leave.Domain.Ledger;
using OobcCalendar.Modules.Leave.Domain.LeaveTypes;
using OobcCalendar.Shared.Errors;
using Shouldly;
using static OobcCalendar.Modules.Leave.Tests.Domain.Make;

namespace OobcCalendar.Modules.Leave.Tests.Domain;

public sealed class LedgerTests
{
    private static readonly Guid Person = Guid.NewGuid();
    private static readonly Guid Vacation = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static LedgerEntry Entry(LedgerEntryKind kind, decimal days, int year = 2027, string? reason = null) =>
        LedgerEntry.Create(new LedgerLine(Person, Vacation, year, kind, days, D(year, 1, 31), null, Reason: reason), Now);

    [Fact]
    public void Balance_WhenEntriesOfEveryKind_IsTheirSum()
    {
        var entries = new[]
        {
            Entry(LedgerEntryKind.CarryOver, 10m),
            Entry(LedgerEntryKind.Accrual, 1.25m),
            Entry(LedgerEntryKind.Accrual, 1.25m),
            Entry(LedgerEntryKind.Taken, -3m),
            Entry(LedgerEntryKind.Restored, 1m),
            Entry(LedgerEntryKind.Adjustment, -0.5m, reason: "Late filing"),
        };

        LeaveLedger.Balance(entries).ShouldBe(10m);
        LeaveLedger.SpentInYear(entries, 2027).ShouldBe(2m);
    }

    [Fact]
    public void Create_WhenAnAdjustmentHasNoReason_Refuses() =>
        Should.Throw<BusinessRuleException>(() => Entry(LedgerEntryKind.Adjustment, 1m)).Message.ShouldBe("Say why the balance is adjusted.");

    [Fact]
    public void Create_WhenZeroDays_Refuses() =>
        Should.Throw<BusinessRuleException>(() => Entry(LedgerEntryKind.Accrual, 0m));

    [Fact]
    public void ForMonth_WhenInServiceAllMonth_IsTheMonthlyCredit() =>
        Accrual.ForMonth(CivilServiceLeaveTypes.MonthlyCredit, 2027, 3, null).ShouldBe(1.25m);

    [Fact]
    public void ForMonth_WhenStartedOnThe16thOfAThirtyDayMonth_IsTheShareOfDaysServed() =>
        Accrual.ForMonth(1.25m, 2027, 4, D(2027, 4, 16)).ShouldBe(0.625m); // 15 of 30 days

    [Fact]
    public void ForMonth_WhenStartedOnTheFirst_IsTheFullCredit() =>
        Accrual.ForMonth(1.25m, 2027, 4, D(2027, 4, 1)).ShouldBe(1.25m);

    [Fact]
    public void ForMonth_WhenStartingLater_IsNothing() =>
        Accrual.ForMonth(1.25m, 2027, 4, D(2027, 5, 3)).ShouldBe(0m);

    [Fact]
    public void ForMonth_WhenStartedOnTheLastDay_RoundsDownToThreeDecimals() =>
        Accrual.ForMonth(1.25m, 2027, 3, D(2027, 3, 31)).ShouldBe(0.04m); // 1.25 / 31 = 0.0403...

    [Theory]
    [InlineData(1, 1, 3)]     // January: the whole grant
    [InlineData(7, 1, 1.5)]   // 6 months left: 1.5
    [InlineData(7, 16, 1)]    // 5 months left: 1.25, rounded down to 1
    [InlineData(12, 20, 0)]   // nothing left
    public void YearlyGrant_WhenJoiningMidYear_IsProratedByMonthsLeftAndRoundedDownToHalfDays(int month, int day, double expected) =>
        Accrual.YearlyGrant(3m, 2027, D(2027, month, day)).ShouldBe((decimal)expected);

    [Fact]
    public void YearlyGrant_WhenStartedInAnEarlierYear_IsTheWholeGrant() =>
        Accrual.YearlyGrant(3m, 2027, D(2019, 6, 1)).ShouldBe(3m);

    [Fact]
    public void YearlyGrant_WhenStartingNextYear_IsNothing() =>
        Accrual.YearlyGrant(3m, 2027, D(2028, 1, 3)).ShouldBe(0m);
}
