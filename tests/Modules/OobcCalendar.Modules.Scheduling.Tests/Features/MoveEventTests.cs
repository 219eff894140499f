using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Features.Calendar;
using OobcCalendar.Modules.Scheduling.Features.Events;
using Shouldly;
using static OobcCalendar.Modules.Scheduling.Tests.Features.Drafts;

namespace OobcCalendar.Modules.Scheduling.Tests.Features;

/// <summary>Dragging an occurrence that has its own details, with each scope.</summary>
[Collection(SchedulingCollection.Name)]
public sealed class MoveEventTests(SchedulingFixture fixture)
{
    private async Task<Guid> SeriesWithARenamedOccurrenceAsync(string title)
    {
        var id = await fixture.SendAs<Guid>(fixture.Manager, new CreateEvent(Series(At(2027, 3, 1, 9), "FREQ=WEEKLY;BYDAY=MO;COUNT=4", title: title)));
        var details = await fixture.SendAs<EventDetails>(fixture.Manager, new GetEventDetails(id, At(2027, 3, 8, 9)));
        await fixture.SendAs<Guid>(fixture.Manager, new UpdateEvent(id, At(2027, 3, 8, 9), EditScope.Occurrence, details.ToDraft() with { Title = "Guest speaker", Location = "Hall" }));
        return id;
    }

    private async Task<IReadOnlyList<FeedItem>> FeedAsync(params Guid[] ids) =>
        (await fixture.SendAs<IReadOnlyList<FeedItem>>(fixture.Manager, new GetCalendarFeed(At(2027, 3, 1, 0), At(2027, 4, 1, 0), CalendarScope.Mine)))
            .Where(i => ids.Contains(i.EventId)).ToList();

    [Fact]
    public async Task MoveEvent_WhenARenamedOccurrenceIsDraggedForTheSeries_KeepsTheSeriesTitle()
    {
        var id = await SeriesWithARenamedOccurrenceAsync("Seminar");

        await fixture.SendAs<Guid>(fixture.Manager, new MoveEvent(id, At(2027, 3, 8, 9), EditScope.Series, At(2027, 3, 8, 10), At(2027, 3, 8, 11), false));

        var feed = await FeedAsync(id);
        feed.Select(i => (i.StartUtc, i.Title, i.Location)).ShouldBe(
        [
            (At(2027, 3, 1, 10), "Seminar", "Room 1"),
            (At(2027, 3, 8, 10), "Guest speaker", "Hall"),
            (At(2027, 3, 15, 10), "Seminar", "Room 1"),
            (At(2027, 3, 22, 10), "Seminar", "Room 1"),
        ]);
    }

    [Fact]
    public async Task MoveEvent_WhenARenamedOccurrenceIsDraggedForTheFollowing_KeepsTheTailTitle()
    {
        var id = await SeriesWithARenamedOccurrenceAsync("Workshop");

        var tailId = await fixture.SendAs<Guid>(fixture.Manager, new MoveEvent(id, At(2027, 3, 8, 9), EditScope.Following, At(2027, 3, 8, 14), At(2027, 3, 8, 15), false));

        var feed = await FeedAsync(id, tailId);
        feed.Select(i => (i.StartUtc, i.Title)).ShouldBe(
        [
            (At(2027, 3, 1, 9), "Workshop"),
            (At(2027, 3, 8, 14), "Guest speaker"),
            (At(2027, 3, 15, 14), "Workshop"),
            (At(2027, 3, 22, 14), "Workshop"),
        ]);
    }

    [Fact]
    public async Task MoveEvent_WhenTheRenamedOccurrenceAloneIsDragged_KeepsItsOwnTitle()
    {
        var id = await SeriesWithARenamedOccurrenceAsync("Lecture");

        await fixture.SendAs<Guid>(fixture.Manager, new MoveEvent(id, At(2027, 3, 8, 9), EditScope.Occurrence, At(2027, 3, 9, 9), At(2027, 3, 9, 10), false));

        var feed = await FeedAsync(id);
        feed.Select(i => (i.StartUtc, i.Title)).ShouldBe([(At(2027, 3, 1, 9), "Lecture"), (At(2027, 3, 9, 9), "Guest speaker"), (At(2027, 3, 15, 9), "Lecture"), (At(2027, 3, 22, 9), "Lecture")]);
    }
}
