using OobcCalendar.Modules.Leave.Domain.Holidays;
using OobcCalendar.Modules.Leave.Domain.LeaveTypes;
using OobcCalendar.Modules.Leave.Domain.Requests;
using Shouldly;
using static OobcCalendar.Modules.Leave.Tests.Domain.Make;

namespace OobcCalendar.Modules.Leave.Tests.Domain;

public sealed class LeavePolicyTests
{
    private static readonly DateOnly Monday = D(2027, 3, 1);

    private static IReadOnlyList<LeaveProblem> Check(string code, LeavePeriod period, decimal? available = 10m, bool document = false, HolidayCalendar? calendar = null)
    {
        var holidays = calendar ?? HolidayCalendar.WeekendsOnly;
        return LeavePolicy.Problems(new LeaveCheck(Type(code), period, period.WorkingDays(holidays), Monday, available, document, holidays));
    }

    [Fact]
    public void Problems_WhenVacationFiledFiveWorkingDaysAhead_AreNone() =>
        Check(CivilServiceLeaveTypes.Vacation, Days(D(2027, 3, 9), D(2027, 3, 10))).ShouldBeEmpty();

    [Fact]
    public void Problems_WhenVacationHasTooLittleNotice_SayTheEarliestFirstDay() =>
        Check(CivilServiceLeaveTypes.Vacation, Days(D(2027, 3, 8), D(2027, 3, 8))).ShouldHaveSingleItem().ShouldBe(
            new LeaveProblem("FirstDay", "Vacation leave needs 5 working days' notice: the earliest first day you can ask for now is Tue 9 Mar 2027."));

    [Fact]
    public void Problems_WhenAHolidayFallsInTheNoticeWindow_PushTheEarliestDayBack() =>
        Check(CivilServiceLeaveTypes.Vacation, Days(D(2027, 3, 9), D(2027, 3, 9)), calendar: Holidays(D(2027, 3, 3))).ShouldHaveSingleItem()
            .Message.ShouldEndWith("Wed 10 Mar 2027.");

    [Fact]
    public void Problems_WhenSickLeaveIsFiledAfterTheFact_AreNone() =>
        Check(CivilServiceLeaveTypes.Sick, Days(D(2027, 2, 25), D(2027, 2, 26))).ShouldBeEmpty();

    [Fact]
    public void Problems_WhenTheRequestCostsMoreThanTheBalance_SayBoth() =>
        Check(CivilServiceLeaveTypes.Sick, Days(D(2027, 3, 1), D(2027, 3, 3)), available: 2.5m).ShouldHaveSingleItem()
            .ShouldBe(new LeaveProblem("LastDay", "This costs 3 days but you have 2.5 days of sick leave left."));

    [Fact]
    public void Problems_WhenTheTypeHasNoBalance_NeverComplainAboutIt() =>
        Check(CivilServiceLeaveTypes.WithoutPay, Days(D(2027, 3, 1), D(2027, 3, 5)), available: null).ShouldBeEmpty();

    [Fact]
    public void Problems_WhenSickLeaveIsLongerThanFiveDaysWithoutADocument_AskForOne() =>
        Check(CivilServiceLeaveTypes.Sick, Days(D(2027, 3, 1), D(2027, 3, 8))).ShouldHaveSingleItem().Field.ShouldBe("Document");

    [Fact]
    public void Problems_WhenSickLeaveOfExactlyFiveDays_NeedNoDocument() =>
        Check(CivilServiceLeaveTypes.Sick, Days(D(2027, 3, 1), D(2027, 3, 5))).ShouldBeEmpty();

    [Fact]
    public void Problems_WhenALongSickLeaveHasItsDocument_AreNone() =>
        Check(CivilServiceLeaveTypes.Sick, Days(D(2027, 3, 1), D(2027, 3, 8)), document: true).ShouldBeEmpty();

    [Fact]
    public void Problems_WhenAHalfDayOfATypeTakenInWholeDays_SaySo() =>
        Check(CivilServiceLeaveTypes.SpecialPrivilege, Days(D(2027, 3, 3), D(2027, 3, 3), DayPart.Morning)).ShouldHaveSingleItem()
            .ShouldBe(new LeaveProblem("FirstDayPart", "Special privilege leave is taken in whole days only."));

    [Fact]
    public void Problems_WhenOnlyHolidaysAreAsked_SayThereIsNothingToRequest() =>
        Check(CivilServiceLeaveTypes.Sick, Days(D(2027, 3, 6), D(2027, 3, 7))).ShouldHaveSingleItem().Field.ShouldBe("FirstDay");

    [Fact]
    public void Problems_WhenMandatoryLeaveIsShortOfVacationCredits_NameTheCredits() =>
        Check(CivilServiceLeaveTypes.Mandatory, Days(D(2027, 3, 15), D(2027, 3, 19)), available: 4m).ShouldHaveSingleItem()
            .Message.ShouldBe("This costs 5 days but you have 4 days of VL credits left.");

    [Theory]
    [InlineData(10, false)]
    [InlineData(10.5, true)]
    public void NeedsSecondApproval_WhenVacationIsLongerThanTenDays_IsTrue(double days, bool expected) =>
        Type(CivilServiceLeaveTypes.Vacation).NeedsSecondApproval((decimal)days).ShouldBe(expected);

    [Fact]
    public void NeedsSecondApproval_WhenTheLimitIsZero_IsAlways() =>
        Type(CivilServiceLeaveTypes.Study).NeedsSecondApproval(0.5m).ShouldBeTrue();
}
