using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Components;
using OobcCalendar.Modules.Leave.Features.LeaveTypes;
using OobcCalendar.Modules.Leave.Features.Reports;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave.UI.Pages;

/// <summary>Leave taken per person, unit, type and month, for a manager's people (Admin: everyone), with CSV and XLSX downloads.</summary>
public sealed partial class LeaveReportsPage : ComponentBase
{
    private List<DateOnly> months = [];
    private DateOnly fromMonth;
    private DateOnly toMonth;
    private Guid? unitId;
    private Guid? personId;
    private Guid? typeId;
    private IReadOnlyList<LeaveTypeItem> types = [];
    private List<(Guid Id, string Name)> units = [];
    private LeaveReport? report;
    private bool loading;
    private bool failed;
    private string? error;
    private int loadVersion;

    [Inject] private IMediator Mediator { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    // Secondary columns: shown from the small breakpoint up (on phones they fold under the name).
    private const string Wide = "d-none d-sm-table-cell";

    private GetLeaveReport Query => new(fromMonth, toMonth, unitId, personId, typeId);

    private string CsvUrl => LeaveEndpoints.ReportUrl(LeaveEndpoints.ReportCsvPath, Query);

    private string XlsxUrl => LeaveEndpoints.ReportUrl(LeaveEndpoints.ReportXlsxPath, Query);

    private string PeriodText => fromMonth == toMonth ? MonthText(fromMonth) : $"{MonthText(fromMonth)} – {MonthText(toMonth)}";

    private IEnumerable<DirectoryUser> PeopleInUnit =>
        (report?.People ?? []).Where(p => unitId is not { } u || p.OrganisationUnitId == u);

    protected override async Task OnInitializedAsync()
    {
        var today = WallClock.Today(Clock, OfficeTime.DefaultTimeZoneId);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        // Two years back and the rest of this year ahead: the span the ledger keeps open.
        months = [.. Enumerable.Range(-GetLeaveReportHandler.MaxMonths + 1, GetLeaveReportHandler.MaxMonths + 12 - today.Month).Select(thisMonth.AddMonths)];
        fromMonth = new DateOnly(today.Year, 1, 1);
        toMonth = thisMonth;
        try
        {
            types = await Mediator.Send(new ListLeaveTypes());
        }
        catch (UserFacingException)
        {
            types = [];
        }

        await LoadAsync();
    }

    private Task OnFromAsync(DateOnly value)
    {
        fromMonth = value;
        if (toMonth < fromMonth || Span > GetLeaveReportHandler.MaxMonths)
        {
            toMonth = fromMonth.AddMonths(Math.Min(11, GetLeaveReportHandler.MaxMonths - 1));
        }

        return LoadAsync();
    }

    private Task OnToAsync(DateOnly value)
    {
        toMonth = value;
        if (Span > GetLeaveReportHandler.MaxMonths)
        {
            fromMonth = toMonth.AddMonths(-(GetLeaveReportHandler.MaxMonths - 1));
        }

        return LoadAsync();
    }

    private int Span => (toMonth.Year - fromMonth.Year) * 12 + toMonth.Month - fromMonth.Month + 1;

    private Task OnUnitAsync(Guid? value)
    {
        unitId = value;
        if (personId is { } p && !PeopleInUnit.Any(u => u.Id == p))
        {
            personId = null;
        }

        return LoadAsync();
    }

    private Task OnPersonAsync(Guid? value)
    {
        personId = value;
        return LoadAsync();
    }

    private Task OnTypeAsync(Guid? value)
    {
        typeId = value;
        return LoadAsync();
    }

    private async Task LoadAsync()
    {
        var version = ++loadVersion;
        loading = true;
        try
        {
            var result = await Mediator.Send(Query);
            if (version == loadVersion)
            {
                report = result;
                failed = false;
                units = [.. result.People.Where(p => p.OrganisationUnitId is not null)
                    .GroupBy(p => p.OrganisationUnitId!.Value)
                    .Select(g => (g.Key, g.First().OrganisationUnitName ?? "Unit"))
                    .OrderBy(u => u.Item2, StringComparer.CurrentCultureIgnoreCase)];
            }
        }
        catch (UserFacingException e)
        {
            if (version == loadVersion)
            {
                report = null;
                failed = true;
                error = e.Message;
            }
        }
        finally
        {
            if (version == loadVersion)
            {
                loading = false;
            }
        }
    }

    private static string MonthText(DateOnly month) => month.ToString("MMM yyyy", CultureInfo.InvariantCulture);

    private static string Days(decimal days) => days.ToString("0.###", CultureInfo.InvariantCulture);
}
