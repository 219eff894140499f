using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;

namespace OobcCalendar.Shared.Ics;

/// <summary>VTIMEZONE components for the zones events are written in.</summary>
public static class IcsTimeZones
{
    /// <summary>
    /// The VTIMEZONE of <paramref name="timeZoneId"/> valid from <paramref name="earliest"/>. Zones without daylight saving
    /// get one fixed STANDARD block: Ical.Net would write a yearly "transition" for them (e.g. Manila's 1990 change
    /// repeated every July) that strict readers take literally.
    /// </summary>
    public static VTimeZone For(string timeZoneId, DateTimeOffset earliest)
    {
        var zone = Shared.Users.OfficeTime.Zone(timeZoneId);
        var from = earliest.UtcDateTime.AddYears(-1);
        if (zone.GetAdjustmentRules().Any(r => r.DateEnd >= from && r.DaylightDelta != TimeSpan.Zero))
        {
            return VTimeZone.FromDateTimeZone(timeZoneId, new DateTime(from.Year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified), includeHistoricalData: false);
        }

        var offset = zone.GetUtcOffset(earliest);
        var fixedZone = new VTimeZone(timeZoneId);
        fixedZone.TimeZoneInfos.Add(new Ical.Net.VTimeZoneInfo("STANDARD")
        {
            // RFC 5545 3.6.5: a zone block's DTSTART is a local DATE-TIME; strict readers (python vobject) refuse a DATE.
            DtStart = new CalDateTime(new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Unspecified), true),
            OffsetFrom = new UtcOffset(offset),
            OffsetTo = new UtcOffset(offset),
        });
        return fixedZone;
    }
}
