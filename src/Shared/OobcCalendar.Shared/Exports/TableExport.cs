using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace OobcCalendar.Shared.Exports;

/// <summary>
/// One table of a report download: named columns and rows of values (strings, numbers, or null). The same table is
/// written as CSV and as an XLSX sheet, so both files have the same columns.
/// </summary>
/// <param name="Name">Sheet name in an XLSX file (at most 31 characters, as Excel allows).</param>
/// <param name="Columns">Column names, in order; every row has one value per column.</param>
/// <param name="Rows">The rows.</param>
public sealed record ExportTable(string Name, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>
/// Writes report tables as CSV (UTF-8, comma, RFC 4180 quoting) and XLSX (MiniExcel), for every module's report
/// downloads. Text that a spreadsheet would run as a formula (starting with = + - @) is prefixed with an apostrophe in
/// CSV (CSV injection); XLSX cells are written as values, never formulas.
/// </summary>
public static class TableExport
{
    /// <summary>Content type of <see cref="Csv"/>.</summary>
    public const string CsvContentType = "text/csv";

    /// <summary>Content type of <see cref="XlsxAsync(IReadOnlyList{ExportTable}, CancellationToken)"/>.</summary>
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The table as CSV: a header line, then one line per row.</summary>
    public static byte[] Csv(ExportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var csv = new StringBuilder(string.Join(',', table.Columns.Select(Field))).Append('\n');
        foreach (var row in table.Rows)
        {
            csv.AppendJoin(',', row.Select(Value)).Append('\n');
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    /// <summary>The table as an XLSX file of one sheet.</summary>
    public static Task<byte[]> XlsxAsync(ExportTable table, CancellationToken cancellationToken) => XlsxAsync([table], cancellationToken);

    /// <summary>The tables as one XLSX file, a sheet each, in order.</summary>
    public static async Task<byte[]> XlsxAsync(IReadOnlyList<ExportTable> tables, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            // Rows as dictionaries keep the column order and names; an empty table still gets its header row.
            IEnumerable<IDictionary<string, object?>> rows = table.Rows.Count == 0
                ? [table.Columns.ToDictionary(c => c, _ => (object?)null)]
                : table.Rows.Select(row => (IDictionary<string, object?>)table.Columns.Select((c, i) => (c, v: row[i])).ToDictionary(x => x.c, x => x.v));
            sheets[table.Name] = rows.ToList();
        }

        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, cancellationToken: cancellationToken);
        return stream.ToArray();
    }

    /// <summary>One CSV field: quoted when it holds a separator, quote or line break; a formula-like start neutralised.</summary>
    public static string Field(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var safe = value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : safe;
    }

    private static string Value(object? value) => value switch
    {
        null => string.Empty,
        string text => Field(text),
        // Numbers are written as numbers (a negative one must not be taken for a formula), decimals without trailing zeros.
        decimal number => number.ToString("0.############################", CultureInfo.InvariantCulture),
        IFormattable number and (int or long or double) => number.ToString(null, CultureInfo.InvariantCulture),
        IFormattable other => Field(other.ToString(null, CultureInfo.InvariantCulture)),
        _ => Field(value.ToString() ?? string.Empty),
    };
}
