using Bunit;
using Microsoft.AspNetCore.Components;
using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Modules.Scheduling.Features.BusyIntervals;
using OobcCalendar.Modules.Scheduling.UI.Home;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Modules;
using Shouldly;

namespace OobcCalendar.Modules.Scheduling.UI.Tests;

/// <summary>Scheduling's "You are away" card on Home: each away day that still holds my events or bookings, hidden when none.</summary>
public sealed class AwaySectionTests : DialogTestContext
{
    private readonly HomeCard card = new();
    private IReadOnlyList<AwayClash> clashes = [];

    public AwaySectionTests()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Mediator.Answer<GetMyAwayClashes>(_ => clashes);
    }

    private IRenderedComponent<AwaySection> RenderCard() => Render<AwaySection>(p => p.AddCascadingValue(card));

    [Fact]
    public void Away_WhenLeaveDaysStillHoldEvents_ThenListsEachDayWithALinkToItOnTheCalendar()
    {
        clashes = [new AwayClash(new DateOnly(2026, 12, 15), 2, 1), new AwayClash(new DateOnly(2026, 12, 16), 0, 1)];

        var away = RenderCard();

        card.Hidden.ShouldBeFalse();
        var days = away.FindAll("[data-testid=home-away-day]");
        days.Count.ShouldBe(2);
        var link = days[0].QuerySelector("[data-testid=home-away-link]")!;
        link.TextContent.ShouldBe("You are away on Tue 15 Dec: 2 events and 1 booking");
        link.GetAttribute("href").ShouldBe("/calendar?date=2026-12-15&view=day");
        days[1].TextContent.ShouldContain("You are away on Wed 16 Dec: 1 booking");
    }

    [Fact]
    public void Away_WhenNothingClashes_ThenHidesTheWholeCard()
    {
        var away = RenderCard();

        card.Hidden.ShouldBeTrue();
        away.FindAll("[data-testid=home-away-day]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Away_WhenTheBusyModelTakesInApprovedLeave_ThenShowsTheCardWithoutAReload()
    {
        var away = RenderCard();
        card.Hidden.ShouldBeTrue();

        clashes = [new AwayClash(new DateOnly(2026, 12, 17), 1, 0)];
        await away.InvokeAsync(() => Live.PublishAsync(new LiveUpdate(SchedulingTopics.Busy, Guid.NewGuid().ToString(), "leave"), CancellationToken.None));

        away.WaitForAssertion(() => away.Find("[data-testid=home-away-link]").TextContent.ShouldBe("You are away on Thu 17 Dec: 1 event"));
        card.Hidden.ShouldBeFalse();

        clashes = [];
        await away.InvokeAsync(() => Live.PublishAsync(new LiveUpdate(SchedulingTopics.Events, Guid.NewGuid().ToString(), "cancelled"), CancellationToken.None));

        away.WaitForAssertion(() => card.Hidden.ShouldBeTrue());
    }
}
