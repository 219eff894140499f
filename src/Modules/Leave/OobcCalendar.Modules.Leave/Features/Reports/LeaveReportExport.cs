using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace OobcCalendar.Modules.Leave.Features.Reports;

/// <summary>The leave report as a CSV or an XLSX file: one row per person, type and month, the same columns in both.</summary>
internal static class LeaveReportExport
{
    public static readonly string[] Columns = ["month", "person", "unit", "leave_type_code", "leave_type", "days"];

    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string FileName(LeaveReport report, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"leave-taken-{report.FromMonth:yyyyMM}-{report.ToMonth:yyyyMM}.{extension}");

    public static byte[] Csv(LeaveReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder(string.Join(',', Columns)).Append('\n');
        foreach (var row in report.Rows)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{row.Month:yyyy-MM},{Escape(row.PersonName)},{Escape(row.UnitName ?? string.Empty)},{Escape(row.LeaveTypeCode)},{Escape(row.LeaveTypeName)},{row.Days:0.###}\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    public static async Task<byte[]> XlsxAsync(LeaveReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        // Text cells are written as text (never formulas), so a name starting with "=" stays a name.
        var rows = report.Rows.Select(row => new Dictionary<string, object?>
        {
            ["month"] = row.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            ["person"] = row.PersonName,
            ["unit"] = row.UnitName ?? string.Empty,
            ["leave_type_code"] = row.LeaveTypeCode,
            ["leave_type"] = row.LeaveTypeName,
            ["days"] = row.Days,
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: "Leave taken", cancellationToken: cancellationToken);
        return stream.ToArray();
    }

    // Quotes fields with separators and neutralises spreadsheet formulas (CSV injection), as the utilisation export does.
    private static string Escape(string value)
    {
        var safe = value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return safe.Contains(',', StringComparison.Ordinal) || safe.Contains('"', StringComparison.Ordinal) || safe.Contains('\n', StringComparison.Ordinal)
            ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : safe;
    }
}
