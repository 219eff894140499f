using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Features.Calendar;
using OobcCalendar.Modules.Scheduling.Features.Events;
using OobcCalendar.Modules.Scheduling.Features.OccurrenceIndex;
using OobcCalendar.Modules.Scheduling.Persistence;
using OobcCalendar.Shared.Errors;
using Shouldly;
using static OobcCalendar.Modules.Scheduling.Tests.Features.Drafts;

namespace OobcCalendar.Modules.Scheduling.Tests.Features;

/// <summary>Two edits made from the same state: the second loses as a whole (event, index rows and outbox alike).</summary>
[Collection(SchedulingCollection.Name)]
public sealed class ConcurrencyTests(SchedulingFixture fixture)
{
    private async Task<IReadOnlyList<FeedItem>> FeedAsync(Guid id) =>
        (await fixture.SendAs<IReadOnlyList<FeedItem>>(fixture.Manager, new GetCalendarFeed(At(2027, 3, 1, 0), At(2027, 4, 1, 0), CalendarScope.Mine)))
            .Where(i => i.EventId == id).ToList();

    [Fact]
    public async Task SaveAsync_WhenTheEventChangedSinceItWasLoaded_FailsWithConflictAndKeepsTheFirstEditWhole()
    {
        var id = await fixture.SendAs<Guid>(fixture.Manager, new CreateEvent(Series(At(2027, 3, 1, 9), "FREQ=WEEKLY;BYDAY=MO;COUNT=4", title: "Race")));
        var now = fixture.Clock.GetUtcNow();
        await using var stale = await fixture.App.Services.GetRequiredService<IDbContextFactory<SchedulingDbContext>>().CreateDbContextAsync();
        var staleEvent = await stale.Events.SingleAsync(e => e.Id == id);

        await fixture.SendAs<Guid>(fixture.Manager, new MoveEvent(id, At(2027, 3, 1, 9), EditScope.Series, At(2027, 3, 1, 10), At(2027, 3, 1, 11), false));
        var draft = Series(At(2027, 3, 8, 9), "FREQ=WEEKLY;BYDAY=MO;COUNT=4", title: "Race (renamed)");
        staleEvent.ApplyDetails(draft, now);
        staleEvent.OverrideOccurrence(At(2027, 3, 8, 9), draft with { Start = At(2027, 3, 8, 15), End = At(2027, 3, 8, 16) }, now);
        EventNotices.Updated(stale, staleEvent, null, [], [], now);

        var error = await Should.ThrowAsync<ConflictException>(() => OccurrenceIndexWriter.SaveAsync(stale, [staleEvent], now, CancellationToken.None));

        error.Message.ShouldBe("Someone else changed this event a moment ago. Reload it and try again.");
        var feed = await FeedAsync(id);
        feed.Select(i => (i.StartUtc, i.Title, i.Overridden)).ShouldBe(
            [(At(2027, 3, 1, 10), "Race", false), (At(2027, 3, 8, 10), "Race", false), (At(2027, 3, 15, 10), "Race", false), (At(2027, 3, 22, 10), "Race", false)]);
        (await fixture.OutboxTypesAsync(id)).ShouldBe(["EventRescheduledIntegrationEvent", "EventScheduledIntegrationEvent"]);
    }

    [Fact]
    public async Task MoveEvent_WhenManyMovesRace_EachWinnerIsPublishedAndTheIndexMatchesTheLastOne()
    {
        var id = await fixture.SendAs<Guid>(fixture.Manager, new CreateEvent(Single(At(2027, 3, 3, 9), title: "Contested slot")));

        var attempts = await Task.WhenAll(Enumerable.Range(10, 8).Select(async hour =>
        {
            try
            {
                await fixture.SendAs<Guid>(fixture.Manager, new MoveEvent(id, null, EditScope.Series, At(2027, 3, 3, hour), At(2027, 3, 3, hour + 1), false));
                return (Hour: hour, Won: true);
            }
            catch (ConflictException)
            {
                return (Hour: hour, Won: false);
            }
        }));

        var details = await fixture.SendAs<EventDetails>(fixture.Manager, new GetEventDetails(id, null));
        var published = await fixture.OutboxAsync<EventRescheduledIntegrationEvent>(id);
        published.Count.ShouldBe(attempts.Count(a => a.Won));
        published.Select(p => p.NewStartUtc).ShouldBe(attempts.Where(a => a.Won).Select(a => At(2027, 3, 3, a.Hour)), ignoreOrder: true);
        details.Start.ShouldBeOneOf([.. published.Select(p => p.NewStartUtc)]);
        (await FeedAsync(id)).Select(i => (i.StartUtc, i.EndUtc)).ShouldBe([(details.Start, details.End)]);
    }

    [Fact]
    public async Task UpdateEvent_WhenRenamesOfASeriesRace_LosersGetConflictAndTheIndexMatchesTheWinner()
    {
        var id = await fixture.SendAs<Guid>(fixture.Manager, new CreateEvent(Series(At(2027, 3, 2, 9), "FREQ=WEEKLY;BYDAY=TU;COUNT=4", title: "Renamed often")));
        var details = await fixture.SendAs<EventDetails>(fixture.Manager, new GetEventDetails(id, null));

        var attempts = await Task.WhenAll(Enumerable.Range(1, 8).Select(async n =>
        {
            try
            {
                await fixture.SendAs<Guid>(fixture.Manager, new UpdateEvent(id, null, EditScope.Series, details.ToDraft() with { Title = $"Name {n}" }));
                return (Title: $"Name {n}", Won: true);
            }
            catch (ConflictException)
            {
                return (Title: $"Name {n}", Won: false);
            }
        }));

        var stored = await fixture.SendAs<EventDetails>(fixture.Manager, new GetEventDetails(id, null));
        attempts.Where(a => a.Won).Select(a => a.Title).ShouldContain(stored.Title);
        (await fixture.OutboxAsync<EventUpdatedIntegrationEvent>(id)).Count.ShouldBe(attempts.Count(a => a.Won));
        var feed = await FeedAsync(id);
        feed.Count.ShouldBe(4);
        feed.ShouldAllBe(i => i.Title == stored.Title);
    }
}
