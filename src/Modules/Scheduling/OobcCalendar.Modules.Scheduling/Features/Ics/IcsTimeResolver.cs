using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Shared.Users;
using OobcCalendar.Shared.Time;

namespace OobcCalendar.Modules.Scheduling.Features.Ics;

/// <summary>
/// Reads the times of an imported file as instants and IANA zones: IANA TZIDs as they are, Windows names (Outlook)
/// through .NET's CLDR table, a VTIMEZONE's X-LIC-LOCATION, old "/vendor/…/Europe/Berlin" ids by their tail. Floating
/// times and dates are read in the file's X-WR-TIMEZONE, else in the importer's zone.
/// </summary>
internal sealed class IcsTimeResolver(Ical.Net.Calendar calendar, string importerZoneId)
{
    private readonly string floatingZone = Known(calendar.Properties.Get<string>("X-WR-TIMEZONE")) ?? importerZoneId;

    /// <summary>The IANA zone <paramref name="time"/> is written in; null when the file names a zone nobody knows.</summary>
    public string? ZoneOf(CalDateTime time, bool recurring)
    {
        if (!time.HasTime || time.IsFloating)
        {
            return floatingZone;
        }

        if (time.IsUtc)
        {
            // A UTC series repeats in UTC (RFC 5545); a single UTC event is simply shown in the importer's zone.
            return recurring ? "Etc/UTC" : importerZoneId;
        }

        return Resolve(time.TzId);
    }

    /// <summary>The instant of <paramref name="time"/>; dates are midnights in <paramref name="zoneId"/>.</summary>
    public DateTimeOffset Instant(CalDateTime time, string zoneId)
    {
        if (time.IsUtc)
        {
            return new DateTimeOffset(DateTime.SpecifyKind(time.Value, DateTimeKind.Unspecified), TimeSpan.Zero);
        }

        var zone = OfficeTime.Zone(time.HasTime && !time.IsFloating ? Resolve(time.TzId) ?? zoneId : zoneId);
        return WallClock.ToInstant(time.HasTime ? time.Value : time.Value.Date, zone);
    }

    private string? Resolve(string? tzid)
    {
        if (string.IsNullOrWhiteSpace(tzid))
        {
            return floatingZone;
        }

        if (Known(tzid) is { } direct)
        {
            return direct;
        }

        var declared = calendar.TimeZones.FirstOrDefault(z => string.Equals(z.TzId, tzid, StringComparison.OrdinalIgnoreCase));
        if (declared is not null && Known(Location(declared)) is { } located)
        {
            return located;
        }

        var parts = tzid.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var take = Math.Min(3, parts.Length); take >= 2; take--)
        {
            if (Known(string.Join('/', parts[^take..])) is { } tail)
            {
                return tail;
            }
        }

        return null;
    }

    private static string? Location(VTimeZone zone) => zone.Location ?? zone.Properties.Get<string>("X-LIC-LOCATION");

    /// <summary>The IANA id of a zone this machine knows by <paramref name="id"/> (IANA or Windows), else null.</summary>
    private static string? Known(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || !TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone))
        {
            return null;
        }

        if (zone.HasIanaId)
        {
            return zone.Id;
        }

        return TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : null;
    }
}
