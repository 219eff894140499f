using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Persistence;
using Shouldly;

namespace OobcCalendar.Modules.Scheduling.Tests.Features;

/// <summary>The fixture's host seeds the demo data (Seed:Demo) before any test runs, so its series are in this database.</summary>
[Collection(SchedulingCollection.Name)]
public sealed class SeededSeriesTests(SchedulingFixture fixture)
{
    [Fact]
    public async Task DemoSeed_EverySeries_StartsOnAnOccurrenceOfItsRule()
    {
        // Every series here: the demo seed's and whatever other tests made before this one; all must hold it.
        var series = await fixture.WithServiceAsync<IDbContextFactory<SchedulingDbContext>, List<CalendarEvent>>(async contexts =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            return await db.Events.AsNoTracking().Where(e => e.RecurrenceRule != null).ToListAsync();
        });

        series.ShouldNotBeEmpty("the demo seed makes series");
        series.Where(e => e.FirstRuleOccurrence().Start != e.StartUtc)
            .Select(e => $"{e.Title} ({e.RecurrenceRule}) starts {e.StartUtc:u}, its rule first gives {e.FirstRuleOccurrence().Start:u}")
            .ShouldBeEmpty();
    }
}
