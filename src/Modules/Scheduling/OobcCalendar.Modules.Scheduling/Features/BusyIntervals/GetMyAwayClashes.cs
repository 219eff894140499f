using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Leave.Contracts;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Modules.Scheduling.Persistence;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Scheduling.Features.BusyIntervals;

/// <summary>
/// The signed-in person's days on approved leave still ahead (from the busy read model, docs/adr/0024) on which they
/// still have events or room/vehicle bookings, for the "You are away on Tue: 2 events and 1 booking".line the
/// Home page, My leave or the event details can show. Within <see cref="GetMyAwayClashesHandler.Horizon"/>.
/// </summary>
internal sealed record GetMyAwayClashes : IQuery<IReadOnlyList<AwayClash>>;

/// <summary>One office day away with what still holds the person then.</summary>
internal sealed record AwayClash(DateOnly Day, int Events, int Bookings)
{
    /// <summary>"You are away on Tue 9 Mar: 2 events and 1 booking".</summary>
    public string Text =>
        string.Create(CultureInfo.InvariantCulture, $"You are away on {Day:ddd d MMM}: ")
        + string.Join(" and ", new[] { Count(Events, "event"), Count(Bookings, "booking") }.Where(s => s.Length > 0));

    private static string Count(int n, string noun) => n switch { 0 => string.Empty, 1 => $"1 {noun}", _ => $"{n} {noun}s" };
}

internal sealed class GetMyAwayClashesHandler(IDbContextFactory<SchedulingDbContext> contexts, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetMyAwayClashes, IReadOnlyList<AwayClash>>
{
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(180);

    public async ValueTask<IReadOnlyList<AwayClash>> Handle(GetMyAwayClashes query, CancellationToken cancellationToken)
    {
        user.EnsureOfficeMember("see your leave clashes");
        var now = clock.GetUtcNow();
        var until = now + Horizon;
        var me = user.Id;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var away = await db.ExternalBusy.AsNoTracking()
            .Where(b => b.SourceModule == LeaveModuleContract.Name && b.PersonId == me && b.EndUtc > now && b.StartUtc < until)
            .Select(b => new { b.StartUtc, b.EndUtc })
            .ToListAsync(cancellationToken);
        if (away.Count == 0)
        {
            return [];
        }

        var spanStart = away.Min(a => a.StartUtc);
        var spanEnd = away.Max(a => a.EndUtc);
        var events = await (
            from o in db.Occurrences
            join e in db.Events on o.EventId equals e.Id
            where o.StartUtc < spanEnd && o.EndUtc > spanStart && e.CancelledAt == null && e.MemberIds.Contains(me)
                  && !e.Participants.Any(p => p.UserId == me && p.Response == Domain.Events.ParticipantResponse.Declined)
            select new { o.StartUtc, o.EndUtc }).ToListAsync(cancellationToken);
        var bookings = await db.ExternalBusy.AsNoTracking()
            .Where(b => b.SourceModule == ResourcesModuleContract.Name && b.PersonId == me && b.StartUtc < spanEnd && b.EndUtc > spanStart)
            .Select(b => new { b.StartUtc, b.EndUtc })
            .ToListAsync(cancellationToken);

        var zone = OfficeTime.Zone(OfficeTime.DefaultTimeZoneId);
        bool Inside(DateTimeOffset start, DateTimeOffset end) => away.Any(a => start < a.EndUtc && end > a.StartUtc);
        var byDay = new SortedDictionary<DateOnly, (int Events, int Bookings)>();
        foreach (var e in events.Where(e => Inside(e.StartUtc, e.EndUtc)))
        {
            var day = WallClock.ToLocalDate(e.StartUtc, zone);
            byDay[day] = (byDay.GetValueOrDefault(day).Events + 1, byDay.GetValueOrDefault(day).Bookings);
        }

        foreach (var b in bookings.Where(b => Inside(b.StartUtc, b.EndUtc)))
        {
            var day = WallClock.ToLocalDate(b.StartUtc, zone);
            byDay[day] = (byDay.GetValueOrDefault(day).Events, byDay.GetValueOrDefault(day).Bookings + 1);
        }

        return [.. byDay.Select(d => new AwayClash(d.Key, d.Value.Events, d.Value.Bookings))];
    }
}
