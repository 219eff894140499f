using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OobcCalendar.Modules.Leave.Features.Calendar;
using OobcCalendar.Modules.Leave.Features.Reports;
using OobcCalendar.Shared.Calendar;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave;

/// <summary>HTTP endpoints of the Leave module: its two calendar feeds and the report downloads (rate-limited by the host's export policy, by path).</summary>
internal static class LeaveEndpoints
{
    public const string ReportCsvPath = "/leave/reports/leave-taken.csv";

    public const string ReportXlsxPath = "/leave/reports/leave-taken.xlsx";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ReportCsvPath, ExportCsvAsync).RequireAuthorization(p => p.RequireRole(Roles.Manager, Roles.Admin));
        endpoints.MapGet(ReportXlsxPath, ExportXlsxAsync).RequireAuthorization(p => p.RequireRole(Roles.Manager, Roles.Admin));
        endpoints.MapCalendarFeed(LeaveCalendarFeed.Path, LeaveCalendarFeed.ReadAsync);
        endpoints.MapCalendarFeed(HolidayCalendarFeed.Path, HolidayCalendarFeed.ReadAsync);
    }

    /// <summary>The report URL for these filters (the page's download buttons).</summary>
    public static string ReportUrl(string path, GetLeaveReport q) =>
        string.Create(CultureInfo.InvariantCulture, $"{path}?from={q.From:yyyy-MM}&to={q.To:yyyy-MM}")
        + (q.UnitId is { } u ? $"&unit={u}" : string.Empty)
        + (q.PersonId is { } p ? $"&person={p}" : string.Empty)
        + (q.LeaveTypeId is { } t ? $"&type={t}" : string.Empty);

    private static async Task<IResult> ExportCsvAsync(string? from, string? to, Guid? unit, Guid? person, Guid? type, IMediator mediator, CancellationToken cancellationToken)
    {
        var report = await mediator.Send(Query(from, to, unit, person, type), cancellationToken);
        return Results.File(LeaveReportExport.Csv(report), "text/csv", LeaveReportExport.FileName(report, "csv"));
    }

    private static async Task<IResult> ExportXlsxAsync(string? from, string? to, Guid? unit, Guid? person, Guid? type, IMediator mediator, CancellationToken cancellationToken)
    {
        var report = await mediator.Send(Query(from, to, unit, person, type), cancellationToken);
        return Results.File(await LeaveReportExport.XlsxAsync(report, cancellationToken), LeaveReportExport.XlsxContentType, LeaveReportExport.FileName(report, "xlsx"));
    }

    private static GetLeaveReport Query(string? from, string? to, Guid? unit, Guid? person, Guid? type)
    {
        if (!DateOnly.TryParseExact(from, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || !DateOnly.TryParseExact(to, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["from"] = ["Give from and to as yyyy-MM."] });
        }

        return new GetLeaveReport(start, end, unit, person, type);
    }
}
