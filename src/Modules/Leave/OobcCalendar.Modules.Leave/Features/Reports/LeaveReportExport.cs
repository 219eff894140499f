using System.Globalization;
using OobcCalendar.Shared.Exports;

namespace OobcCalendar.Modules.Leave.Features.Reports;

/// <summary>The leave report as a CSV or an XLSX file: one row per person, type and month, the same columns in both (Shared's <see cref="TableExport"/>).</summary>
internal static class LeaveReportExport
{
    public static readonly string[] Columns = ["month", "person", "unit", "leave_type_code", "leave_type", "days"];

    public const string XlsxContentType = TableExport.XlsxContentType;

    public static string FileName(LeaveReport report, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"leave-taken-{report.FromMonth:yyyyMM}-{report.ToMonth:yyyyMM}.{extension}");

    public static byte[] Csv(LeaveReport report) => TableExport.Csv(Table(report));

    public static Task<byte[]> XlsxAsync(LeaveReport report, CancellationToken cancellationToken) => TableExport.XlsxAsync(Table(report), cancellationToken);

    private static ExportTable Table(LeaveReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new ExportTable("Leave taken", Columns, [.. report.Rows.Select(row => (IReadOnlyList<object?>)
        [
            row.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), row.PersonName, row.UnitName ?? string.Empty,
            row.LeaveTypeCode, row.LeaveTypeName, row.Days,
        ])]);
    }
}
