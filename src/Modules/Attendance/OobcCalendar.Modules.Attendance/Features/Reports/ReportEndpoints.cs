using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Exports;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Attendance.Features.Reports;

/// <summary>
/// The report downloads. Paths end in .csv / .xlsx, so the host's "exports" rate limit applies by path (as Leave's);
/// the roles are checked here and the handlers decide per event and unit.
/// </summary>
internal static class ReportEndpoints
{
    public const string Prefix = "/attendance/reports";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        // Roles at the door as the pages have them; the handlers decide per event and per unit.
        string[] officeMembers = [.. Roles.OfficeMemberRoles];
        endpoints.MapGet(Prefix + "/event/{listId:guid}.csv", EventCsvAsync).RequireAuthorization(p => p.RequireRole(officeMembers));
        endpoints.MapGet(Prefix + "/event/{listId:guid}.xlsx", EventXlsxAsync).RequireAuthorization(p => p.RequireRole(officeMembers));
        endpoints.MapGet(Prefix + "/trends.csv", TrendsCsvAsync).RequireAuthorization(p => p.RequireRole(Roles.Manager, Roles.Admin));
        endpoints.MapGet(Prefix + "/trends.xlsx", TrendsXlsxAsync).RequireAuthorization(p => p.RequireRole(Roles.Manager, Roles.Admin));
    }

    public static string EventUrl(Guid listId, string extension) => $"{Prefix}/event/{listId}.{extension}";

    /// <summary>The trends download for these filters (the page's buttons).</summary>
    public static string TrendsUrl(GetAttendanceTrends q, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}/trends.{extension}?from={q.From:yyyy-MM-dd}&to={q.To:yyyy-MM-dd}&missed={q.MissedAtLeast}&of={q.OutOf}")
        + (q.UnitId is { } u ? $"&unit={u}" : string.Empty)
        + (q.CategoryId is { } c ? $"&category={c}" : string.Empty);

    private static async Task<IResult> EventCsvAsync(Guid listId, IMediator mediator, CancellationToken cancellationToken)
    {
        var report = await mediator.Send(new GetEventReport(listId), cancellationToken);
        return Results.File(TableExport.Csv(AttendanceReportExport.People(report)), TableExport.CsvContentType, AttendanceReportExport.EventFileName(report, "csv"));
    }

    private static async Task<IResult> EventXlsxAsync(Guid listId, IMediator mediator, CancellationToken cancellationToken)
    {
        var report = await mediator.Send(new GetEventReport(listId), cancellationToken);
        var file = await TableExport.XlsxAsync(AttendanceReportExport.EventSheets(report), cancellationToken);
        return Results.File(file, TableExport.XlsxContentType, AttendanceReportExport.EventFileName(report, "xlsx"));
    }

    private static async Task<IResult> TrendsCsvAsync(string? from, string? to, Guid? unit, Guid? category, int? missed, int? of, IMediator mediator, CancellationToken cancellationToken)
    {
        var query = Query(from, to, unit, category, missed, of);
        var trends = await mediator.Send(query, cancellationToken);
        return Results.File(TableExport.Csv(AttendanceReportExport.UnitMonths(trends)), TableExport.CsvContentType, AttendanceReportExport.TrendsFileName(query, "csv"));
    }

    private static async Task<IResult> TrendsXlsxAsync(string? from, string? to, Guid? unit, Guid? category, int? missed, int? of, IMediator mediator, CancellationToken cancellationToken)
    {
        var query = Query(from, to, unit, category, missed, of);
        var trends = await mediator.Send(query, cancellationToken);
        var file = await TableExport.XlsxAsync(AttendanceReportExport.TrendSheets(trends), cancellationToken);
        return Results.File(file, TableExport.XlsxContentType, AttendanceReportExport.TrendsFileName(query, "xlsx"));
    }

    private static GetAttendanceTrends Query(string? from, string? to, Guid? unit, Guid? category, int? missed, int? of)
    {
        if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || !DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["from"] = ["Give from and to as yyyy-MM-dd."] });
        }

        return new GetAttendanceTrends(start, end, unit, category, missed ?? 3, of ?? 5);
    }
}
