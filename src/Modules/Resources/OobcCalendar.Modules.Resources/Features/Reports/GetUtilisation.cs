using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Resources.Domain.Bookings;
using OobcCalendar.Modules.Resources.Domain.Resources;
using OobcCalendar.Modules.Resources.Persistence;
using OobcCalendar.Shared.Users;
using OobcCalendar.Shared.Time;

namespace OobcCalendar.Modules.Resources.Features.Reports;

/// <summary>Booked hours over bookable hours per resource for [From, To), with peak hours.</summary>
internal sealed record GetUtilisation(DateOnly From, DateOnly To) : IQuery<UtilisationReport>;

/// <summary>The utilisation report.</summary>
internal sealed record UtilisationReport(DateOnly From, DateOnly To, IReadOnlyList<ResourceUtilisation> Resources, IReadOnlyList<KindUtilisation> Kinds, IReadOnlyList<int> BookingsStartingPerHour);

/// <summary>One resource's figures. <see cref="Percent"/> is booked over bookable hours.</summary>
internal sealed record ResourceUtilisation(Guid ResourceId, string Name, string Kind, double BookedHours, double BookableHours, int Bookings, int? PeakHour)
{
    public double Percent => BookableHours <= 0 ? 0 : Math.Round(100 * BookedHours / BookableHours, 1);
}

/// <summary>Totals per kind.</summary>
internal sealed record KindUtilisation(string Kind, double BookedHours, double BookableHours)
{
    public double Percent => BookableHours <= 0 ? 0 : Math.Round(100 * BookedHours / BookableHours, 1);
}

internal sealed class GetUtilisationHandler(IDbContextFactory<ResourcesDbContext> contexts) : IQueryHandler<GetUtilisation, UtilisationReport>
{
    public async ValueTask<UtilisationReport> Handle(GetUtilisation query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var resources = await db.Resources.AsNoTracking().OrderBy(r => r.Kind).ThenBy(r => r.Name).ToListAsync(cancellationToken);
        var from = Instant(query.From, OfficeTime.DefaultTimeZoneId);
        var to = Instant(query.To, OfficeTime.DefaultTimeZoneId);
        var approved = await db.Bookings.AsNoTracking()
            .Where(b => b.Status == BookingStatus.Approved && b.Start < to && from < b.End)
            .Select(b => new { b.ResourceId, b.Start, b.End })
            .ToListAsync(cancellationToken);
        var byResource = approved.ToLookup(b => b.ResourceId);
        var perHour = new int[24];
        var rows = new List<ResourceUtilisation>();
        foreach (var resource in resources)
        {
            var zone = OfficeTime.Zone(resource.TimeZoneId);
            var mine = byResource[resource.Id].ToList();
            var booked = mine.Sum(b => ((b.End < to ? b.End : to) - (b.Start > from ? b.Start : from)).TotalHours);
            var hours = mine.GroupBy(b => WallClock.ToLocal(b.Start, zone).Hour).ToList();
            foreach (var hour in hours)
            {
                perHour[hour.Key] += hour.Count();
            }

            var peak = hours.OrderByDescending(h => h.Count()).Select(h => (int?)h.Key).FirstOrDefault();
            rows.Add(new ResourceUtilisation(resource.Id, resource.Name, resource.Kind.ToString(), Math.Round(booked, 2), BookableHours(resource, query.From, query.To), mine.Count, peak));
        }

        var kinds = rows.GroupBy(r => r.Kind).Select(g => new KindUtilisation(g.Key, g.Sum(r => r.BookedHours), g.Sum(r => r.BookableHours))).ToList();
        return new UtilisationReport(query.From, query.To, rows, kinds, perHour);
    }

    private static double BookableHours(Resource resource, DateOnly from, DateOnly to)
    {
        var daily = resource.Rules.IsAllDay ? 24 : (resource.Rules.ClosesAt - resource.Rules.OpensAt).TotalHours;
        var days = 0;
        for (var day = from; day < to; day = day.AddDays(1))
        {
            days += resource.Rules.IsBookableDay(day.DayOfWeek) ? 1 : 0;
        }

        return days * daily;
    }

    // Npgsql writes timestamptz parameters only with offset 0.
    private static DateTimeOffset Instant(DateOnly day, string zoneId) => WallClock.ToUtc(day, TimeSpan.Zero, OfficeTime.Zone(zoneId));
}
