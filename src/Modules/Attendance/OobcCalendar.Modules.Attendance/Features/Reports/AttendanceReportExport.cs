using System.Globalization;
using OobcCalendar.Shared.Exports;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Attendance.Features.Reports;

/// <summary>
/// The reports as downloads (Shared's <see cref="TableExport"/>). CSV holds the main table (an event's people, the trends'
/// unit × month figures); XLSX holds it and the other tables, a sheet each. Times are in the event's zone.
/// </summary>
internal static class AttendanceReportExport
{
    public static readonly string[] PeopleColumns = ["name", "kind", "unit_or_organisation", "status", "checked_in_at", "minutes_after_start", "arrival"];

    public static readonly string[] UnitMonthColumns = ["month", "unit", "events", "expected", "attended", "rate_percent"];

    public static readonly string[] CategoryColumns = ["category", "events", "expected", "attended", "rate_percent"];

    public static readonly string[] NoShowColumns = ["person", "unit", "missed", "of_last", "last_missed"];

    public static ExportTable People(EventReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var zone = OfficeTime.Zone(report.TimeZoneId);
        return new ExportTable("People", PeopleColumns, [.. report.People.Select(p => (IReadOnlyList<object?>)
        [
            p.Name, p.Kind switch { ReportPersonKind.Expected => "expected", ReportPersonKind.Other => "other", _ => "walk-in" },
            p.UnitOrOrganisation ?? string.Empty, p.CheckedInAt is null ? "no-show" : "attended",
            p.CheckedInAt is { } at ? Local(at, zone) : null, p.MinutesLate is { } m ? (decimal)m : null,
            p.MinutesLate is { } late ? ArrivalBuckets.Keys[ArrivalBuckets.Of(late)] : null,
        ])]);
    }

    public static IReadOnlyList<ExportTable> EventSheets(EventReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var c = report.Counts;
        return
        [
            new ExportTable("Summary", ["expected", "attended", "rate_percent", "others", "walk_ins"],
                [[c.Expected, c.ExpectedCheckedIn, Percent(c.Rate), c.OthersCheckedIn, c.WalkIns]]),
            People(report),
            new ExportTable("By unit", ["unit", "expected", "attended", "rate_percent"],
                [.. report.Units.Select(u => (IReadOnlyList<object?>)[u.UnitName, u.Expected, u.Attended, Percent(u.Rate)])]),
            new ExportTable("Arrivals", ["arrival", "people"], [.. ArrivalBuckets.Keys.Select((k, i) => (IReadOnlyList<object?>)[k, report.Arrivals[i]])]),
            new ExportTable("Walk-ins", ["organisation", "walk_ins"], [.. report.WalkIns.Select(w => (IReadOnlyList<object?>)[w.Organisation, w.Count])]),
        ];
    }

    public static ExportTable UnitMonths(AttendanceTrends trends)
    {
        ArgumentNullException.ThrowIfNull(trends);
        return new ExportTable("By unit and month", UnitMonthColumns, [.. trends.UnitMonths.Select(u => (IReadOnlyList<object?>)
            [Month(u.Month), u.UnitName, u.Figures.Events, u.Figures.Expected, u.Figures.Attended, Percent(u.Figures.Rate)])]);
    }

    public static IReadOnlyList<ExportTable> TrendSheets(AttendanceTrends trends)
    {
        ArgumentNullException.ThrowIfNull(trends);
        return
        [
            UnitMonths(trends),
            new ExportTable("By month", ["month", "events", "expected", "attended", "rate_percent"], [.. trends.Months.Select(m => (IReadOnlyList<object?>)
                [Month(m.Month), m.Figures.Events, m.Figures.Expected, m.Figures.Attended, Percent(m.Figures.Rate)])]),
            new ExportTable("By category", CategoryColumns, [.. trends.Categories.Select(c => (IReadOnlyList<object?>)
                [c.Category, c.Figures.Events, c.Figures.Expected, c.Figures.Attended, Percent(c.Figures.Rate)])]),
            new ExportTable("Repeat no-shows", NoShowColumns, [.. trends.RepeatNoShows.Select(n => (IReadOnlyList<object?>)
                [n.Name, n.UnitName, n.Missed, n.Considered, Local(n.LastMissedUtc, OfficeTime.Zone(OfficeTime.DefaultTimeZoneId))])]),
        ];
    }

    public static string EventFileName(EventReport report, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"attendance-{TimeZoneInfo.ConvertTime(report.StartUtc, OfficeTime.Zone(report.TimeZoneId)):yyyyMMdd-HHmm}.{extension}");

    public static string TrendsFileName(GetAttendanceTrends query, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"attendance-trends-{query.From:yyyyMMdd}-{query.To:yyyyMMdd}.{extension}");

    /// <summary>A share as a percentage with one decimal (0.875 → 87.5).</summary>
    public static decimal Percent(double rate) => Math.Round((decimal)rate * 100m, 1);

    private static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string Local(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
