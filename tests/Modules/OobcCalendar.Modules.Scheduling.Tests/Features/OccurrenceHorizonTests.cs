using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Features.Calendar;
using OobcCalendar.Modules.Scheduling.Features.Events;
using OobcCalendar.Modules.Scheduling.Features.OccurrenceIndex;
using OobcCalendar.Modules.Scheduling.Persistence;
using Shouldly;
using static OobcCalendar.Modules.Scheduling.Tests.Features.Drafts;

namespace OobcCalendar.Modules.Scheduling.Tests.Features;

/// <summary>Its own host and clock: these tests move time forward.</summary>
[CollectionDefinition(Name)]
public sealed class HorizonCollection : ICollectionFixture<SchedulingFixture>
{
    public const string Name = "scheduling-horizon";
}

/// <summary>The nightly job rolls the occurrence index forward; the feed answers the same from the index as from lazy expansion.</summary>
[Collection(HorizonCollection.Name)]
public sealed class OccurrenceHorizonTests(SchedulingFixture fixture)
{
    private async Task<DateTimeOffset> HorizonAsync()
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<SchedulingDbContext>>().CreateDbContextAsync();
        return await OccurrenceIndexWriter.HorizonAsync(db, fixture.Clock.GetUtcNow(), CancellationToken.None);
    }

    private async Task<List<(Guid, DateTimeOffset, DateTimeOffset, DateTimeOffset, string, bool, bool)>> FeedAsync(DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<Guid> ids) =>
        (await fixture.SendAs<IReadOnlyList<FeedItem>>(fixture.Manager, new GetCalendarFeed(from, to, CalendarScope.Mine)))
            .Where(i => ids.Contains(i.EventId))
            .Select(i => (i.EventId, i.RecurrenceId, i.StartUtc, i.EndUtc, i.Title, i.Cancelled, i.Overridden))
            .OrderBy(i => i.StartUtc).ThenBy(i => i.EventId)
            .ToList();

    private async Task<int> IndexedAsync(Guid id, DateTimeOffset from, DateTimeOffset to)
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<SchedulingDbContext>>().CreateDbContextAsync();
        return await db.Occurrences.CountAsync(o => o.EventId == id && o.StartUtc >= from && o.StartUtc < to);
    }

    [Fact]
    public async Task ExtendAsync_WhenTheClockMovesOn_IndexesUpToTheNewHorizonAndTheFeedAnswersTheSame()
    {
        var oldHorizon = await HorizonAsync();
        var weekly = await fixture.SendAs<Guid>(fixture.Manager, new CreateEvent(Series(At(2027, 3, 1, 9), "FREQ=WEEKLY;BYDAY=MO,TH", title: "Horizon weekly")));
        var daily = await fixture.SendAs<Guid>(fixture.Manager, new CreateEvent(Series(At(2027, 3, 1, 23), "FREQ=DAILY;COUNT=430", 120, "Horizon night shift")));
        var cancelled = await fixture.SendAs<Guid>(fixture.Manager, new CreateEvent(Series(At(2027, 3, 2, 9), "FREQ=WEEKLY;BYDAY=TU", title: "Horizon cancelled")));
        await fixture.SendAs<Mediator.Unit>(fixture.Manager, new CancelEvent(cancelled, null, EditScope.Series));
        // One occurrence just before the old horizon moved to just after it.
        var lastBefore = (await FeedAsync(oldHorizon - TimeSpan.FromDays(7), oldHorizon, [weekly])).Last();
        await fixture.SendAs<Guid>(fixture.Manager, new MoveEvent(weekly, lastBefore.Item2, EditScope.Occurrence, oldHorizon.AddDays(1), oldHorizon.AddDays(1).AddHours(1), false));
        Guid[] ids = [weekly, daily, cancelled];
        (DateTimeOffset From, DateTimeOffset To)[] windows =
        [
            (oldHorizon.AddDays(-14), oldHorizon.AddDays(14)),
            (oldHorizon.AddDays(-1).AddHours(-3), oldHorizon.AddHours(1)),
            (oldHorizon.AddDays(20), oldHorizon.AddDays(34)),
            (oldHorizon, oldHorizon.AddDays(40)),
        ];
        var before = new List<List<(Guid, DateTimeOffset, DateTimeOffset, DateTimeOffset, string, bool, bool)>>();
        foreach (var (from, to) in windows)
        {
            before.Add(await FeedAsync(from, to, ids));
        }

        fixture.Clock.Advance(TimeSpan.FromDays(40));
        var job = fixture.App.Services.GetRequiredService<ExtendOccurrenceIndexJob>();
        var added = await job.ExtendAsync(CancellationToken.None);

        var newHorizon = await HorizonAsync();
        newHorizon.ShouldBe(fixture.Clock.GetUtcNow() + OccurrenceIndexWriter.DefaultLookAhead);
        var expected = ids.ToDictionary(id => id, id => before[3].Count(o => o.Item1 == id && o.Item3 >= oldHorizon));
        expected[weekly].ShouldBeGreaterThanOrEqualTo(11);
        expected[cancelled].ShouldBeGreaterThanOrEqualTo(5);
        foreach (var id in ids)
        {
            (await IndexedAsync(id, oldHorizon, newHorizon)).ShouldBe(expected[id], $"rows of {id}");
        }

        added.ShouldBeGreaterThanOrEqualTo(expected.Values.Sum());
        for (var i = 0; i < windows.Length; i++)
        {
            (await FeedAsync(windows[i].From, windows[i].To, ids)).ShouldBe(before[i], $"window {i}");
        }

        before[2].Count(o => o.Item1 == cancelled).ShouldBe(2);
        (await job.ExtendAsync(CancellationToken.None)).ShouldBe(0);
    }

    [Fact]
    public async Task GetCalendarFeed_WhenAWindowBeyondTheHorizonStartsDuringAnOccurrence_ShowsIt()
    {
        // Sunday 22:00 to Monday 02:00, weekly: a Monday's day view shows the night that started on Sunday.
        var id = await fixture.SendAs<Guid>(fixture.Manager, new CreateEvent(Series(At(2027, 3, 7, 22), "FREQ=WEEKLY;BYDAY=SU", 240, "Night watch")));
        var horizon = await HorizonAsync();
        horizon.ShouldBeLessThan(At(2029, 1, 1, 0));

        var near = await FeedAsync(At(2027, 3, 15, 0), At(2027, 3, 16, 0), [id]);
        var far = await FeedAsync(At(2029, 1, 1, 0), At(2029, 1, 2, 0), [id]);

        near.Select(o => o.Item3).ShouldBe([At(2027, 3, 14, 22)]);
        far.Select(o => o.Item3).ShouldBe([At(2028, 12, 31, 22)]);
    }

    [Fact]
    public async Task GetCalendarFeed_WhenTheLastOccurrenceMovesPastTheHorizon_ShowsItBeforeAndAfterTheJob()
    {
        var horizon = await HorizonAsync();
        var id = await fixture.SendAs<Guid>(fixture.Manager, new CreateEvent(Series(horizon.AddDays(-14), "FREQ=WEEKLY;COUNT=2", title: "Last one late")));

        await fixture.SendAs<Guid>(fixture.Manager, new MoveEvent(id, horizon.AddDays(-7), EditScope.Occurrence, horizon.AddDays(2), horizon.AddDays(2).AddHours(1), false));

        var window = (From: horizon, To: horizon.AddDays(7));
        (await FeedAsync(window.From, window.To, [id])).Select(o => o.Item3).ShouldBe([horizon.AddDays(2)]);
        fixture.Clock.Advance(TimeSpan.FromDays(10));
        await fixture.App.Services.GetRequiredService<ExtendOccurrenceIndexJob>().ExtendAsync(CancellationToken.None);
        (await FeedAsync(window.From, window.To, [id])).Select(o => o.Item3).ShouldBe([horizon.AddDays(2)]);
    }
}
