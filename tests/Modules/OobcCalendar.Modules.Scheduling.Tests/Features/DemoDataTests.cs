using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Persistence;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.Time;
using Shouldly;

namespace OobcCalendar.Modules.Scheduling.Tests.Features;

/// <summary>The demo seed's events (clock frozen at <see cref="SchedulingFixture.Now"/>): a fortnight with answers, series on real occurrences.</summary>
[Collection(SchedulingCollection.Name)]
public sealed class DemoDataTests(SchedulingFixture fixture)
{
    [Fact]
    public async Task Seed_WhenDemoIsOn_ThenInvitationsAreAcceptedDeclinedAndStillPending()
    {
        var events = await DemoEventsAsync();

        var answers = events.SelectMany(e => e.Participants).Select(p => p.Response).ToList();
        answers.ShouldContain(ParticipantResponse.Accepted);
        answers.ShouldContain(ParticipantResponse.Declined);
        answers.ShouldContain(ParticipantResponse.Tentative);
        answers.ShouldContain(ParticipantResponse.NeedsAction);
        events.SelectMany(e => e.OccurrenceAnswers).ShouldContain(a => a.Response == ParticipantResponse.Declined, "someone skips one meeting of a series");
    }

    [Fact]
    public async Task Seed_WhenDemoIsOn_ThenEventsFillLastWeekThisWeekAndNext()
    {
        var events = await DemoEventsAsync();
        var now = SchedulingFixture.Now;

        events.ShouldContain(e => e.RecurrenceRule == null && e.StartUtc < now.AddDays(-1) && e.StartUtc > now.AddDays(-8));
        events.ShouldContain(e => e.RecurrenceRule == null && e.StartUtc > now.AddDays(7) && e.StartUtc < now.AddDays(14));
        events.Count(e => e.RecurrenceRule != null).ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task Seed_WhenDemoIsOn_ThenEverySeriesStartsOnAnOccurrenceOfItsRule()
    {
        var series = (await DemoEventsAsync()).Where(e => e.RecurrenceRule != null).ToList();

        series.ShouldNotBeEmpty();
        foreach (var calendarEvent in series)
        {
            var local = WallClock.ToLocal(calendarEvent.StartUtc, calendarEvent.TimeZoneId);
            var byDay = Regex.Match(calendarEvent.RecurrenceRule!, "BYDAY=([^;]+)").Groups[1].Value.Split(',');
            var day = local.DayOfWeek.ToString()[..2].ToUpperInvariant();
            byDay.ShouldContain(d => d.EndsWith(day, StringComparison.Ordinal), $"{calendarEvent.Title} starts on a {local.DayOfWeek}, outside {calendarEvent.RecurrenceRule}");
            if (byDay.Any(d => d.StartsWith('1')))
            {
                local.Day.ShouldBeLessThanOrEqualTo(7, $"{calendarEvent.Title} must start on the first {local.DayOfWeek} of a month");
            }
        }
    }

    [Fact]
    public async Task Seed_WhenRunTwice_ThenAddsNoEvents()
    {
        var before = await AllEventsAsync();

        foreach (var seeder in fixture.App.Services.GetServices<IDemoDataSeeder>())
        {
            await seeder.SeedAsync(CancellationToken.None);
        }

        (await AllEventsAsync()).ShouldBe(before);
        (await DemoEventsAsync()).Count.ShouldBe(SeedTitles.Length);
    }

    private static readonly string[] SeedTitles =
    [
        "Weekly team meeting", "All-hands", "Programs stand-up", "Partner coordination meeting", "Field visit: Datu Odin Sinsuat",
        "Records management training", "Quarterly report due", "Project kickoff: youth livelihood programme", "Lunch and learn: data privacy", "1:1 Jamal / Rashid",
    ];

    // The seed's events by title: tests in this collection create theirs at the same frozen instant, so no other test
    // may give an event one of these titles (an imported "All-hands" once made the count 11).
    private async Task<List<CalendarEvent>> DemoEventsAsync()
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<SchedulingDbContext>>().CreateDbContextAsync();
        return await db.Events.AsNoTracking().Where(e => SeedTitles.Contains(e.Title)).ToListAsync();
    }

    private async Task<int> AllEventsAsync()
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<SchedulingDbContext>>().CreateDbContextAsync();
        return await db.Events.CountAsync();
    }
}
