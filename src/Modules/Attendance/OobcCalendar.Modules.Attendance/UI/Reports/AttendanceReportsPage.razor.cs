using Mediator;
using Microsoft.AspNetCore.Components;
using OobcCalendar.Modules.Attendance.Features.Reports;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Attendance.UI.Reports;

/// <summary>
/// Attendance reports: the events whose report the user may open (their own; Admin all) and, for managers (their units)
/// and Admin, the trends across events with a chart, the same numbers in tables, and CSV/XLSX downloads.
/// </summary>
public sealed partial class AttendanceReportsPage : ComponentBase
{
    // Secondary columns: shown from the small breakpoint up.
    private const string Wide = "d-none d-sm-table-cell";

    private DateTime? from;
    private DateTime? to;
    private Guid? unitId;
    private Guid? categoryId;
    private int missed = 3;
    private int outOf = 5;
    private AttendanceTrends? trends;
    private IReadOnlyList<ReportEventItem>? events;
    private bool loading;
    private string? error;
    private int loadVersion;
    private IReadOnlyList<IReadOnlyList<decimal?>>? chartSeries;

    /// <summary>First day (yyyy-MM-dd) when the page is opened with one, e.g. from a shared link.</summary>
    [SupplyParameterFromQuery(Name = "from")] public string? FromParameter { get; set; }

    /// <summary>Last day (yyyy-MM-dd).</summary>
    [SupplyParameterFromQuery(Name = "to")] public string? ToParameter { get; set; }

    [Inject] private IMediator Mediator { get; set; } = default!;

    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    private bool MaySeeTrends => CurrentUser.IsInRole(Roles.Admin) || CurrentUser.IsInRole(Roles.Manager);

    private DateOnly From => DateOnly.FromDateTime(from ?? DateTime.Today);

    private DateOnly To => DateOnly.FromDateTime(to ?? DateTime.Today);

    private GetAttendanceTrends Query => new(From, To, unitId, categoryId, missed, outOf);

    private string Subtitle => MaySeeTrends
        ? (CurrentUser.IsInRole(Roles.Admin) ? "Attendance across the office's events, by unit, month and category." : "Attendance of your units' people across events.")
        : "The attendance of the events you organized.";

    protected override async Task OnInitializedAsync()
    {
        var today = WallClock.Today(Clock, CurrentUser.TimeZoneId);
        // The last six months, this one included.
        from = new DateOnly(today.Year, today.Month, 1).AddMonths(-5).ToDateTime(TimeOnly.MinValue);
        to = today.ToDateTime(TimeOnly.MinValue);
        if (ParseDay(FromParameter) is { } first && ParseDay(ToParameter) is { } last)
        {
            (from, to) = (first.ToDateTime(TimeOnly.MinValue), last.ToDateTime(TimeOnly.MinValue));
        }

        await LoadAsync();
    }

    private Task OnFromAsync(DateTime? value)
    {
        from = value;
        return LoadAsync();
    }

    private Task OnToAsync(DateTime? value)
    {
        to = value;
        return LoadAsync();
    }

    private Task OnUnitAsync(Guid? value)
    {
        unitId = value;
        return LoadAsync();
    }

    private Task OnCategoryAsync(Guid? value)
    {
        categoryId = value;
        return LoadAsync();
    }

    private Task OnMissedAsync(int value)
    {
        missed = value;
        return LoadAsync();
    }

    private Task OnOutOfAsync(int value)
    {
        outOf = value;
        return LoadAsync();
    }

    private async Task LoadAsync()
    {
        var version = ++loadVersion;
        loading = true;
        try
        {
            var query = Query;
            var loadedTrends = MaySeeTrends ? await Mediator.Send(query) : null;
            var loadedEvents = await Mediator.Send(new ListReportEvents(query.From, query.To));
            if (version == loadVersion)
            {
                (trends, events, error, chartSeries) = (loadedTrends, loadedEvents, null, null);
            }
        }
        catch (UserFacingException e)
        {
            // A bad range or a refused filter: say why and keep nothing from before (it would not match the filters).
            if (version == loadVersion)
            {
                (trends, events, error) = (null, null, e.Message);
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

    private TimeZoneInfo Zone => OfficeTime.Zone(CurrentUser.TimeZoneId);

    private IReadOnlyList<DateOnly> ChartMonths => [.. (trends?.UnitMonths ?? []).Select(u => u.Month).Distinct().Order()];

    private IReadOnlyList<string> ChartLabels => [.. ChartMonths.Select(MonthText)];

    private IReadOnlyList<string> ChartSeriesNames => [.. (trends?.UnitMonths ?? []).Select(u => u.UnitName).Distinct()];

    // One series per unit, a rate (percent) per month, null where the unit had nobody expected that month.
    private IReadOnlyList<IReadOnlyList<decimal?>> ChartSeries => chartSeries ??= [.. ChartSeriesNames.Select(unit => (IReadOnlyList<decimal?>)[.. ChartMonths.Select(month =>
        trends!.UnitMonths.FirstOrDefault(u => u.UnitName == unit && u.Month == month) is { } f ? AttendanceReportExport.Percent(f.Figures.Rate) : (decimal?)null)])];

    private string ChartDescription => $"Bar chart of the attendance rate per unit and month, {ChartLabels.FirstOrDefault()} to {ChartLabels.LastOrDefault()}; the table beside it has the numbers.";

    private static DateOnly? ParseDay(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day) ? day : null;

    private static string MonthText(DateOnly month) => month.ToString("MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    internal static string Percent(double rate) => $"{AttendanceReportExport.Percent(rate):0.#}%";
}
