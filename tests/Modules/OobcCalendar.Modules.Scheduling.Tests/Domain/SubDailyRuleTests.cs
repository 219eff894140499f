using OobcCalendar.Shared.Errors;
using Shouldly;
using static OobcCalendar.Modules.Scheduling.Tests.Domain.Make;

namespace OobcCalendar.Modules.Scheduling.Tests.Domain;

/// <summary>
/// Rules repeating within a day meet Ical.Net 5's fall-back bug (ical-org/ical.net#875): lost or repeated occurrences,
/// and an endless loop with UNTIL. They are refused across a fall-back and work elsewhere.
/// </summary>
public sealed class SubDailyRuleTests
{
    private const string NewYork = "America/New_York";
    private static readonly DateTimeOffset FallBackMidnight = new(2027, 11, 7, 0, 0, 0, TimeSpan.FromHours(-4));

    [Theory]
    [InlineData("FREQ=HOURLY;UNTIL=20271107T120000Z")]
    [InlineData("FREQ=HOURLY;COUNT=5")]
    [InlineData("FREQ=MINUTELY;INTERVAL=30;COUNT=8")]
    [InlineData("FREQ=HOURLY;BYMINUTE=0,30;COUNT=6")]
    public async Task Create_WhenASubDailyRuleCrossesAFallBack_RefusesInsteadOfSpinning(string rule)
    {
        // Guarded by a time limit: before the fix the UNTIL rule never returned.
        var error = await Task.Run(() => Should.Throw<InputValidationException>(() => Series(FallBackMidnight, rule, NewYork))).WaitAsync(TimeSpan.FromSeconds(20));

        error.Errors["Recurrence"].Single().ShouldStartWith("A rule repeating within a day cannot run across the daylight-saving change in America/New_York around 7 Nov 2027.");
    }

    [Fact]
    public void Create_WhenAnHourlyRuleEndsBeforeTheFallBack_ExpandsIt()
    {
        var e = Series(FallBackMidnight.AddDays(-1), "FREQ=HOURLY;INTERVAL=4;COUNT=6", NewYork);

        e.Occurrences(FallBackMidnight.AddDays(-2), FallBackMidnight.AddDays(2)).Count.ShouldBe(6);
        e.SeriesEndUtc.ShouldBe(FallBackMidnight.AddHours(-4).AddHours(1));
    }

    [Fact]
    public void Create_WhenAnHourlyRuleCrossesTheSpringForward_KeepsEveryHour()
    {
        var e = Series(new DateTimeOffset(2027, 3, 14, 0, 0, 0, TimeSpan.FromHours(-5)), "FREQ=HOURLY;COUNT=5", NewYork);

        Starts(e, new DateTimeOffset(2027, 3, 13, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 3, 16, 0, 0, 0, TimeSpan.Zero))
            .Select(s => s.UtcDateTime.Hour).ShouldBe([5, 6, 7, 8, 9]);
    }

    [Fact]
    public void Create_WhenTheZoneHasNoDaylightSaving_AllowsSubDailyRules()
    {
        var e = Series(Mnl(11, 7, 8), "FREQ=HOURLY;INTERVAL=2;UNTIL=20271107T100000Z");

        Starts(e, Mnl(11, 7, 0), Mnl(11, 8, 0)).ShouldBe([Mnl(11, 7, 8), Mnl(11, 7, 10), Mnl(11, 7, 12), Mnl(11, 7, 14), Mnl(11, 7, 16), Mnl(11, 7, 18)]);
    }
}
