using System.Globalization;
using MudBlazor;
using OobcCalendar.Modules.Resources.Domain.Resources;

namespace OobcCalendar.Modules.Resources.UI.Components;

/// <summary>How the booking screens show kinds, times and rules, so every screen says them the same way.</summary>
internal static class BookingUi
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static string KindIcon(ResourceKind kind) => kind switch
    {
        ResourceKind.Room => Icons.Material.Outlined.MeetingRoom,
        ResourceKind.Vehicle => Icons.Material.Outlined.DirectionsCar,
        _ => Icons.Material.Outlined.Devices,
    };

    public static string KindIcon(string kind) => Enum.TryParse<ResourceKind>(kind, out var k) ? KindIcon(k) : Icons.Material.Outlined.Category;

    /// <summary>The instant (UTC, as the database stores it) of <paramref name="date"/> at <paramref name="time"/> on the wall clock in <paramref name="zone"/>.</summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeSpan time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue).Add(time);
        // A wall time skipped by a DST jump has no instant: take the one just after the gap.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    public static DateTimeOffset Local(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone);

    /// <summary>"Tue 1 Dec 09:00–10:00", or with both dates when the range crosses midnight.</summary>
    public static string Range(DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone)
    {
        var s = Local(start, zone);
        var e = Local(end, zone);
        return s.Date == e.Date || (e.TimeOfDay == TimeSpan.Zero && e.Date == s.Date.AddDays(1))
            ? string.Create(Culture, $"{s:ddd d MMM HH:mm}–{(e.TimeOfDay == TimeSpan.Zero && e.Date != s.Date ? "24:00" : e.ToString("HH:mm", Culture))}")
            : string.Create(Culture, $"{s:ddd d MMM HH:mm} – {e:ddd d MMM HH:mm}");
    }

    /// <summary>Just the times when on <paramref name="day"/>, else the full range.</summary>
    public static string RangeOn(DateOnly day, DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone)
    {
        var s = Local(start, zone);
        var e = Local(end, zone);
        return DateOnly.FromDateTime(s.DateTime) == day && DateOnly.FromDateTime(e.DateTime) == day
            ? string.Create(Culture, $"{s:HH:mm}–{e:HH:mm}")
            : Range(start, end, zone);
    }

    /// <summary>"Mon–Fri, 07:00–19:00" in the resource's zone (named when it is not the reader's).</summary>
    public static string Hours(BookingRules rules, string resourceZone, string readerZone)
    {
        var days = Days(rules);
        var hours = rules.IsAllDay ? "any time" : string.Create(Culture, $"{rules.OpensAt:HH:mm}–{rules.ClosesAt:HH:mm}");
        var zone = resourceZone == readerZone ? string.Empty : $" ({resourceZone})";
        return $"{days}, {hours}{zone}";
    }

    private static string Days(BookingRules rules)
    {
        if (rules.Days == BookingRules.EveryDayMask)
        {
            return "Every day";
        }

        if (rules.Days == BookingRules.WeekdaysMask)
        {
            return "Mon–Fri";
        }

        return string.Join(", ", rules.BookableDays.OrderBy(d => ((int)d + 6) % 7).Select(d => Culture.DateTimeFormat.GetAbbreviatedDayName(d)));
    }

    /// <summary>Notice and length limits in a phrase: "book 1 hour ahead · up to 8 hours".</summary>
    public static string Limits(BookingRules rules)
    {
        var parts = new List<string>();
        if (rules.MinimumNoticeMinutes > 0)
        {
            parts.Add($"book {Durations.Describe(rules.MinimumNoticeMinutes)} ahead");
        }

        parts.Add($"up to {Durations.Describe(rules.MaximumDurationMinutes)}");
        parts.Add($"up to {rules.MaximumAdvanceDays} days in advance");
        return string.Join(" · ", parts);
    }
}
