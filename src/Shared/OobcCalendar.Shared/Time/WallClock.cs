using OobcCalendar.Shared.Users;

namespace OobcCalendar.Shared.Time;

/// <summary>
/// The one conversion between instants and wall-clock times in an IANA zone (ADR 0012). Every module reads and
/// writes local times through it, so a time skipped or repeated by a daylight-saving change means the same instant
/// on every screen, feed, import and recurrence.
/// </summary>
/// <remarks>
/// The rule is RFC 5545's (section 3.3.5), which Ical.Net also applies when it expands a series:
/// a wall-clock time skipped by a spring-forward gap is read with the offset in force before the gap, so it moves
/// forward by the gap's own length (02:30 becomes 03:30 in New York, 02:15 becomes 02:45 on Lord Howe Island);
/// a time that happens twice in a fall-back hour takes the earlier instant (the first, still-summer one).
/// </remarks>
public static class WallClock
{
    /// <summary>Wall-clock time of <paramref name="instant"/> in <paramref name="zone"/> (kind Unspecified).</summary>
    public static DateTime ToLocal(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, zone).DateTime, DateTimeKind.Unspecified);

    /// <summary>Wall-clock time of <paramref name="instant"/> in the zone named <paramref name="zoneId"/> (office zone when unknown).</summary>
    public static DateTime ToLocal(DateTimeOffset instant, string? zoneId) => ToLocal(instant, OfficeTime.Zone(zoneId));

    /// <summary>The local date of <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    public static DateOnly ToLocalDate(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(ToLocal(instant, zone));

    /// <summary>
    /// The instant of wall-clock <paramref name="local"/> in <paramref name="zone"/>, with the offset the zone has
    /// then (a skipped time moves forward by the gap; an ambiguous time takes the earlier instant). Call
    /// <see cref="DateTimeOffset.ToUniversalTime"/> before storing it: Npgsql accepts UTC offsets only.
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Read with the offset in force before the gap, so the time moves forward by the gap's own length: one
            // hour mostly, half an hour on Lord Howe Island. Three hours back is before any gap and after any earlier change.
            var before = zone.GetUtcOffset(local.AddHours(-3));
            return TimeZoneInfo.ConvertTime(new DateTimeOffset(local, before), zone);
        }

        // The larger of the two offsets is the earlier instant (the first pass through the repeated hour).
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary><see cref="ToInstant(DateTime, TimeZoneInfo)"/> in the zone named <paramref name="zoneId"/> (office zone when unknown).</summary>
    public static DateTimeOffset ToInstant(DateTime local, string? zoneId) => ToInstant(local, OfficeTime.Zone(zoneId));

    /// <summary>The instant of <paramref name="day"/> at <paramref name="time"/> on the wall clock in <paramref name="zone"/>.</summary>
    public static DateTimeOffset ToInstant(DateOnly day, TimeSpan time, TimeZoneInfo zone) =>
        ToInstant(day.ToDateTime(TimeOnly.MinValue).Add(time), zone);

    /// <summary><see cref="ToInstant(DateTime, TimeZoneInfo)"/> with offset zero: what Npgsql stores.</summary>
    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone) => ToInstant(local, zone).ToUniversalTime();

    /// <summary><see cref="ToUtc(DateTime, TimeZoneInfo)"/> in the zone named <paramref name="zoneId"/> (office zone when unknown).</summary>
    public static DateTimeOffset ToUtc(DateTime local, string? zoneId) => ToUtc(local, OfficeTime.Zone(zoneId));

    /// <summary><see cref="ToInstant(DateOnly, TimeSpan, TimeZoneInfo)"/> with offset zero: what Npgsql stores.</summary>
    public static DateTimeOffset ToUtc(DateOnly day, TimeSpan time, TimeZoneInfo zone) => ToInstant(day, time, zone).ToUniversalTime();

    /// <summary>Midnight starting <paramref name="day"/> in <paramref name="zone"/> (or the first instant after a gap at midnight).</summary>
    public static DateTimeOffset AtMidnight(DateOnly day, TimeZoneInfo zone) => ToInstant(day.ToDateTime(TimeOnly.MinValue), zone);

    /// <summary>Today's date on the wall clock in <paramref name="zone"/>.</summary>
    public static DateOnly Today(TimeProvider clock, TimeZoneInfo zone) => ToLocalDate(clock.GetUtcNow(), zone);

    /// <summary>Today's date on the wall clock in the zone named <paramref name="zoneId"/> (office zone when unknown).</summary>
    public static DateOnly Today(TimeProvider clock, string? zoneId) => Today(clock, OfficeTime.Zone(zoneId));

    /// <summary>The current wall-clock time in <paramref name="zone"/> (kind Unspecified).</summary>
    public static DateTime Now(TimeProvider clock, TimeZoneInfo zone) => ToLocal(clock.GetUtcNow(), zone);
}
