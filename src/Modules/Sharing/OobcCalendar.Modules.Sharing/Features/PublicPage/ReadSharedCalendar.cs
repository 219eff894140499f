using Mediator;
using OobcCalendar.Modules.Sharing.Domain;
using OobcCalendar.Modules.Sharing.Features.Feeds;
using OobcCalendar.Shared.Calendar;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Sharing.Features.PublicPage;

/// <summary>
/// The public page's calendar asks for a range (wall clock in <see cref="ZoneId"/>, end exclusive). The link is checked
/// again on every ask, so a revoked, paused or expired link throws <see cref="ShareUnavailableException"/> on the page's
/// next update. Entries come from the link's own feed (ADR 0028): the page never shows more than the feed does.
/// </summary>
internal sealed record ReadSharedCalendar(string Token, string? Pin, DateTime From, DateTime To, string ZoneId) : IQuery<IReadOnlyList<CalendarFeedEntry>>;

internal sealed class ReadSharedCalendarHandler(IMediator mediator, ShareCalendarComposer composer, ShareFeedCache cache, TimeProvider clock)
    : IQueryHandler<ReadSharedCalendar, IReadOnlyList<CalendarFeedEntry>>
{
    /// <summary>Kind of every entry on the page (there is one source).</summary>
    public const string Kind = "share";

    public async ValueTask<IReadOnlyList<CalendarFeedEntry>> Handle(ReadSharedCalendar query, CancellationToken cancellationToken)
    {
        var access = await mediator.Send(new OpenShareLink(query.Token, query.Pin, CountView: false), cancellationToken);
        var zone = OfficeTime.Zone(OfficeTime.IsKnownZone(query.ZoneId) ? query.ZoneId : access.TimeZoneId);
        // The feed's cache serves pollers and pages alike; any change to events, bookings or leave drops it.
        var feed = await cache.GetAsync(access, clock.GetUtcNow(), () => composer.ComposeAsync(access, cancellationToken));
        // A day either side: all-day entries are floating dates, placed by the calendar, not by the zone.
        var from = WallClock.ToUtc(query.From, zone).AddDays(-1);
        var to = WallClock.ToUtc(query.To, zone).AddDays(1);
        return ShareOccurrences.Expand(feed.Text, from, to).Select((o, i) => Entry(o, i, zone, access.Level)).ToList();
    }

    private static CalendarFeedEntry Entry(ShareOccurrence o, int index, TimeZoneInfo zone, ShareDetailLevel level)
    {
        var (start, end) = o.AllDay
            ? (o.StartUtc.UtcDateTime.Date, o.EndUtc.UtcDateTime.Date)
            : (WallClock.ToLocal(o.StartUtc, zone), WallClock.ToLocal(o.EndUtc, zone));
        var details = new Dictionary<string, string?>();
        // The feed carries a place and a description only at the Details level; nothing else about an entry leaves.
        if (!string.IsNullOrWhiteSpace(o.Location))
        {
            details["location"] = o.Location;
        }

        if (!string.IsNullOrWhiteSpace(o.Description))
        {
            details["description"] = o.Description;
        }

        return new CalendarFeedEntry($"share-{index}", Kind, o.Title, start, end <= start ? start.AddHours(o.AllDay ? 24 : 1) : end, o.AllDay)
        {
            Style = level == ShareDetailLevel.BusyOnly ? CalendarEntryStyle.BusyOnly : CalendarEntryStyle.None,
            Details = details,
        };
    }
}
