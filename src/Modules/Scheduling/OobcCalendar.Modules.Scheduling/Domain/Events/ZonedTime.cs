namespace OobcCalendar.Modules.Scheduling.Domain.Events;

/// <summary>Conversions between instants and wall-clock times in an event's zone.</summary>
internal static class ZonedTime
{
    /// <summary>Wall-clock time of <paramref name="instant"/> in <paramref name="zone"/> (kind Unspecified).</summary>
    public static DateTime Local(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, zone).DateTime, DateTimeKind.Unspecified);

    /// <summary>
    /// The instant of wall-clock <paramref name="local"/> in <paramref name="zone"/>. A time skipped by a
    /// spring-forward gap moves forward by the gap; an ambiguous fall-back time takes the earlier instant, as RFC 5545 does.
    /// </summary>
    public static DateTimeOffset FromLocal(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Read with the offset in force before the gap (RFC 5545, and what Ical.Net does when it expands), so
            // the time moves forward by the gap's own length: one hour mostly, half an hour on Lord Howe Island.
            // Three hours back is before any gap and after any earlier change.
            var before = zone.GetUtcOffset(local.AddHours(-3));
            return TimeZoneInfo.ConvertTime(new DateTimeOffset(local, before), zone);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>Midnight starting <paramref name="day"/> in <paramref name="zone"/>.</summary>
    public static DateTimeOffset AtMidnight(DateOnly day, TimeZoneInfo zone) => FromLocal(day.ToDateTime(TimeOnly.MinValue), zone);
}
