using Shouldly;
using static OobcCalendar.Modules.Scheduling.Tests.Domain.Make;

namespace OobcCalendar.Modules.Scheduling.Tests.Domain;

public sealed class SeriesStartTests
{
    [Fact]
    public void Create_WhenFirstFridayRuleStartsOnMonday_StartsOnTheFirstFriday()
    {
        // Monday 1 March 2027; the first Friday is 5 March.
        var e = Series(Mnl(3, 1, 15), "FREQ=MONTHLY;BYDAY=1FR");

        e.StartUtc.ShouldBe(Mnl(3, 5, 15));
        e.EndUtc.ShouldBe(Mnl(3, 5, 16));
        e.FirstRuleOccurrence().ShouldBe((Mnl(3, 5, 15), Mnl(3, 5, 16)));
    }

    [Fact]
    public void Create_WhenStartMatchesRule_KeepsTheStart()
    {
        var e = Mondays();

        e.StartUtc.ShouldBe(Mnl(3, 1, 9));
    }

    [Fact]
    public void Create_WhenAllDayRuleStartsOffRule_StartsOnTheFirstMatchingDay()
    {
        var e = Event(Draft(Mnl(3, 1, 0), Mnl(3, 2, 0), "FREQ=WEEKLY;BYDAY=WE", allDay: true));

        e.StartUtc.ShouldBe(Mnl(3, 3, 0));
        e.EndUtc.ShouldBe(Mnl(3, 4, 0));
    }
}
