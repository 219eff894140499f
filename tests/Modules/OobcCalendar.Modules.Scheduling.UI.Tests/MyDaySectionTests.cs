using Bunit;
using Microsoft.AspNetCore.Components;
using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Features.Calendar;
using OobcCalendar.Modules.Scheduling.Features.Events;
using OobcCalendar.Modules.Scheduling.UI.Home;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;
using Shouldly;

namespace OobcCalendar.Modules.Scheduling.UI.Tests;

/// <summary>Scheduling's "My day" card on Home: today, what comes next, unanswered invitations, and the empty states.</summary>
public sealed class MyDaySectionTests : DialogTestContext
{
    private static readonly TimeZoneInfo Manila = OfficeTime.Zone("Asia/Manila");

    public MyDaySectionTests() => SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    private static DateOnly Today => WallClock.ToLocalDate(TimeProvider.System.GetUtcNow(), Manila);

    [Fact]
    public void MyDay_WhenThereAreEventsTodayAndLater_ThenListsBothWithTimeTitleAndPlace()
    {
        Answer(Item("Standup", Today, 0, "Room 2"), Item("Budget review", Today.AddDays(2), 14));

        var card = Render<MyDaySection>();

        var today = card.Find("[data-testid=my-day-today]");
        today.TextContent.ShouldContain("Standup");
        today.TextContent.ShouldContain("Room 2");
        today.TextContent.ShouldContain("12:00 AM");
        var next = card.Find("[data-testid=my-day-next]");
        next.TextContent.ShouldContain("Budget review");
        next.TextContent.ShouldContain($"{TimeText.Day(Today.AddDays(2))}, 2:00 PM");
        card.FindAll("[data-testid=my-day-nothing-today]").ShouldBeEmpty();
    }

    [Fact]
    public void MyDay_WhenAnInvitationIsUnanswered_ThenItIsHighlightedAndAcceptSendsTheAnswer()
    {
        var invitation = Item("Partner visit", Today.AddDays(1), 11) with { MyResponse = ParticipantResponse.NeedsAction };
        Answer(Item("Answered one", Today.AddDays(1), 9) with { MyResponse = ParticipantResponse.Accepted }, invitation);
        Mediator.Answer<RespondToEvent>(_ => null);

        var card = Render<MyDaySection>();
        var pending = card.FindAll("[data-testid=my-day-item]").Where(i => i.ClassList.Contains("oobc-my-day-pending")).ToList();
        pending.Count.ShouldBe(1);
        pending[0].TextContent.ShouldContain("Partner visit");
        pending[0].TextContent.ShouldContain("Not answered");
        card.FindAll("[data-testid=my-day-accept]").Count.ShouldBe(1);

        card.Find("[data-testid=my-day-accept]").Click();

        var sent = Mediator.Sent.OfType<RespondToEvent>().ShouldHaveSingleItem();
        sent.ShouldBe(new RespondToEvent(invitation.EventId, ParticipantResponse.Accepted));
    }

    [Fact]
    public void MyDay_WhenNothingIsOnToday_ThenSaysSoAndNamesTheNextEvent()
    {
        Answer(Item("Site visit", Today.AddDays(3), 8));

        var card = Render<MyDaySection>();

        card.Find("[data-testid=my-day-nothing-today]").TextContent.ShouldContain($"Nothing on today. Next: Site visit, {TimeText.Day(Today.AddDays(3))}, 8:00 AM");
        card.FindAll("[data-testid=my-day-today]").ShouldBeEmpty();
    }

    [Fact]
    public void MyDay_WhenNothingIsComing_ThenShowsTheEmptyStateWithNewEvent()
    {
        // A cancelled occurrence is not something to go to.
        Answer(Item("Cancelled one", Today.AddDays(1), 9) with { Cancelled = true });

        var card = Render<MyDaySection>();

        card.Find(".oobc-empty-state").TextContent.ShouldContain("No upcoming events");
        card.FindAll("[data-testid=my-day-new-event]").Count.ShouldBe(1);
        card.FindAll("[data-testid=my-day-item]").ShouldBeEmpty();
    }

    [Fact]
    public async Task MyDay_WhenAnEventChangesElsewhere_ThenReadsAgainWithoutAReload()
    {
        var items = new List<FeedItem>();
        Mediator.Answer<GetCalendarFeed>(_ => (IReadOnlyList<FeedItem>)items.ToList());
        var card = Render<MyDaySection>();
        card.Find(".oobc-empty-state").TextContent.ShouldContain("No upcoming events");

        items.Add(Item("Invited just now", Today.AddDays(1), 10) with { MyResponse = ParticipantResponse.NeedsAction });
        await card.InvokeAsync(() => Live.PublishAsync(new LiveUpdate(SchedulingTopics.Events, Guid.NewGuid().ToString(), "scheduled"), CancellationToken.None));

        card.WaitForAssertion(() => card.Find("[data-testid=my-day-next]").TextContent.ShouldContain("Invited just now"));
        card.FindAll("[data-testid=my-day-accept]").Count.ShouldBe(1);
    }

    private void Answer(params FeedItem[] items) =>
        Mediator.Answer<GetCalendarFeed>(q => (IReadOnlyList<FeedItem>)items.Where(i => i.StartUtc < q.End && i.EndUtc > q.Start).ToList());

    private static FeedItem Item(string title, DateOnly day, int hour, string? location = null)
    {
        var start = WallClock.ToInstant(day, TimeSpan.FromHours(hour), Manila);
        return new FeedItem(Guid.NewGuid(), start, start, start.AddHours(1), title, location, false, "Asia/Manila", false, false, false, false, false, null, null);
    }
}
