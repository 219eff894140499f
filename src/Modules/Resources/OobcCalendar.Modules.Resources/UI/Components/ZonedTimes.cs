using System.Globalization;
using OobcCalendar.Modules.Resources.Features.Bookings;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Resources.UI.Components;

/// <summary>Times and durations as the management screens word them, in the reader's zone.</summary>
internal static class ZonedTimes
{
    public static string Range(DateTimeOffset start, DateTimeOffset end, string? zoneId) =>
        SlotMessages.Range(start, end, OfficeTime.Zone(zoneId));

    /// <summary>Like <see cref="Range"/>, but whole days (midnight to midnight) read as days: "Tue 8 Dec (all day)".</summary>
    public static string Period(DateTimeOffset start, DateTimeOffset end, string? zoneId)
    {
        var s = Local(start, zoneId);
        var e = Local(end, zoneId);
        if (s.TimeOfDay != TimeSpan.Zero || e.TimeOfDay != TimeSpan.Zero)
        {
            return Range(start, end, zoneId);
        }

        var last = e.AddDays(-1);
        return last.Date == s.Date
            ? string.Create(CultureInfo.CurrentCulture, $"{s:ddd d MMM} (all day)")
            : string.Create(CultureInfo.CurrentCulture, $"{s:ddd d MMM}–{last:ddd d MMM} (whole days)");
    }

    public static DateTime Local(DateTimeOffset instant, string? zoneId) =>
        TimeZoneInfo.ConvertTime(instant, OfficeTime.Zone(zoneId)).DateTime;

    /// <summary>The instant, in UTC (Npgsql accepts no other offset), a wall-clock time in <paramref name="zoneId"/> names.</summary>
    public static DateTimeOffset Instant(DateTime local, string? zoneId)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, OfficeTime.Zone(zoneId).GetUtcOffset(unspecified)).ToUniversalTime();
    }

    public static DateOnly Today(TimeProvider clock, string? zoneId) =>
        DateOnly.FromDateTime(Local(clock.GetUtcNow(), zoneId));

    /// <summary>"just now", "25 min", "3 h", "2 days": how long a request has been waiting.</summary>
    public static string Waited(TimeSpan waited) => waited switch
    {
        { TotalMinutes: < 1 } => "just now",
        { TotalHours: < 1 } => $"{(int)waited.TotalMinutes} min",
        { TotalDays: < 1 } => $"{(int)waited.TotalHours} h",
        { TotalDays: < 2 } => "1 day",
        _ => $"{(int)waited.TotalDays} days",
    };

    /// <summary>"09:00–10:00" for an hour of the day.</summary>
    public static string Hour(int? hour) =>
        hour is { } h ? string.Create(CultureInfo.InvariantCulture, $"{h:00}:00–{(h + 1) % 24:00}:00") : "—";
}
