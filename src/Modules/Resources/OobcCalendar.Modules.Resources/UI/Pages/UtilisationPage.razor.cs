using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using MudBlazor;
using OobcCalendar.Modules.Resources.Features.Reports;
using OobcCalendar.Modules.Resources.UI.Components;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Users;
using OobcCalendar.Shared.Time;

namespace OobcCalendar.Modules.Resources.UI.Pages;

/// <summary>How much each resource is used over a period, with peak hours and a CSV download.</summary>
public sealed partial class UtilisationPage : ComponentBase
{
    private Period period = Period.ThisMonth;
    private DateRange? customRange;
    private DateOnly? from;
    private DateOnly? to;
    private UtilisationReport? report;
    private Guid? mostBooked;
    private int? peakHour;
    private bool anyBookings;
    private bool loading;
    private bool failed;
    private int loadVersion;
    private List<ChartSeries<double>> percentSeries = [];
    private string[] percentLabels = [];
    private List<ChartSeries<double>> hourSeries = [];
    private string[] hourLabels = [];

    private BarChartOptions percentOptions = new();
    private BarChartOptions hourOptions = new();

    internal enum Period
    {
        ThisWeek,
        ThisMonth,
        LastMonth,
        Custom,
    }

    [Inject] private IMediator Mediator { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Inject] private ILogger<UtilisationPage> Logger { get; set; } = default!;

    private string PeriodText => from is { } f && to is { } t
        ? string.Create(CultureInfo.InvariantCulture, $"{f:d MMM yyyy} – {t.AddDays(-1):d MMM yyyy}")
        : "choose a period";

    // The endpoint takes the same half-open range as the report: [from, to).
    private string? CsvUrl => from is { } f && to is { } t
        ? string.Create(CultureInfo.InvariantCulture, $"/resources/utilisation.csv?from={f:yyyy-MM-dd}&to={t:yyyy-MM-dd}")
        : null;

    private string CsvFileName => string.Create(CultureInfo.InvariantCulture, $"resource-utilisation-{from:yyyyMMdd}-{to:yyyyMMdd}.csv");

    protected override Task OnInitializedAsync() => SelectAsync(Period.ThisMonth);

    private Task OnPeriodChangedAsync(Period value) => SelectAsync(value);

    private async Task SelectAsync(Period value)
    {
        period = value;
        // Report days are office days (the handler counts them in the office zone), so "today" is too.
        var today = WallClock.Today(Clock, OfficeTime.DefaultTimeZoneId);
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        (from, to) = value switch
        {
            Period.ThisWeek => (today.AddDays(-(((int)today.DayOfWeek + 6) % 7)), today.AddDays(7 - (((int)today.DayOfWeek + 6) % 7))),
            Period.ThisMonth => (monthStart, monthStart.AddMonths(1)),
            Period.LastMonth => (monthStart.AddMonths(-1), monthStart),
            _ => CustomBounds(),
        };
        await LoadAsync();
    }

    private async Task OnCustomRangeAsync(DateRange? range)
    {
        customRange = range;
        (from, to) = CustomBounds();
        await LoadAsync();
    }

    private (DateOnly?, DateOnly?) CustomBounds() =>
        customRange is { Start: { } start, End: { } end } && end >= start
            ? (DateOnly.FromDateTime(start), DateOnly.FromDateTime(end).AddDays(1))
            : (null, null);

    private async Task LoadAsync()
    {
        var version = ++loadVersion;
        if (from is not { } f || to is not { } t)
        {
            report = null;
            loading = false;
            failed = false;
            return;
        }

        loading = true;
        try
        {
            UtilisationReport? result = null;
            var ok = await Snackbar.TryAsync(async () => result = await Mediator.Send(new GetUtilisation(f, t)), null, Logger);
            if (version == loadVersion)
            {
                failed = !ok;
                if (result is not null)
                {
                    Show(result);
                }
                else
                {
                    report = null;
                }
            }
        }
        finally
        {
            // A newer load still running keeps the indicator on.
            if (version == loadVersion)
            {
                loading = false;
            }
        }
    }

    private void Show(UtilisationReport result)
    {
        report = result;
        anyBookings = result.Resources.Any(r => r.Bookings > 0);
        var perHour = result.BookingsStartingPerHour;
        peakHour = perHour.Any(n => n > 0) ? Enumerable.Range(0, 24).MaxBy(h => perHour[h]) : null;
        mostBooked = result.Resources.Where(r => r.Bookings > 0).OrderByDescending(r => r.Percent).ThenByDescending(r => r.Bookings).FirstOrDefault()?.ResourceId;
        percentLabels = result.Resources.Select(r => Short(r.Name)).ToArray();
        percentSeries = [new ChartSeries<double> { Name = "Utilisation %", Data = result.Resources.Select(r => r.Percent).ToArray() }];
        percentOptions = Axis(result.Resources.Select(r => r.Percent).DefaultIfEmpty(0).Max(), percent: true);

        // Office hours plus any hour that actually had bookings, so the chart stays readable.
        var busy = Enumerable.Range(0, 24).Where(h => result.BookingsStartingPerHour[h] > 0).ToList();
        var first = Math.Min(6, busy.DefaultIfEmpty(6).Min());
        var last = Math.Max(20, busy.DefaultIfEmpty(20).Max());
        var hours = Enumerable.Range(first, last - first + 1).ToList();
        hourLabels = hours.Select(TimeText.HourLabel).ToArray();
        hourSeries = [new ChartSeries<double> { Name = "Bookings", Data = hours.Select(h => (double)result.BookingsStartingPerHour[h]).ToArray() }];
        hourOptions = Axis(result.BookingsStartingPerHour.DefaultIfEmpty(0).Max(), percent: false);
    }

    // Scales the axis to the data (low utilisation is the norm; a fixed 0–100 axis would flatten every bar) in about five ticks.
    private static BarChartOptions Axis(double max, bool percent)
    {
        var top = percent ? Math.Min(100, Math.Max(10, Math.Ceiling(max / 10) * 10)) : Math.Max(5, Math.Ceiling(max / 5) * 5);
        var tick = (int)Math.Max(1, top / 5);
        return new BarChartOptions
        {
            ShowLegend = false,
            YAxisSuggestedMax = top,
            YAxisTicks = tick,
            YAxisFormat = percent ? "0'%'" : "0",
            XAxisLabelRotation = percent ? 35 : 0,
        };
    }

    // Secondary table columns: shown from the small breakpoint up.
    private const string Wide = "d-none d-sm-table-cell";

    private static string Short(string name) => name.Length <= 16 ? name : name[..15] + "…";

    private string RowStyle(ResourceUtilisation row, int index) =>
        row.ResourceId == mostBooked ? "background-color: var(--mud-palette-success-hover)"
        : row.Bookings == 0 && anyBookings ? "background-color: var(--mud-palette-warning-hover)"
        : string.Empty;

    private static string Percent(double value) => string.Create(CultureInfo.InvariantCulture, $"{value:0.#}%");

    private static string Hours(double value) => value.ToString("#,0.#", CultureInfo.InvariantCulture);

    private static string KindTitle(string kind) => kind switch
    {
        "Room" => "Rooms",
        "Vehicle" => "Vehicles",
        _ => kind,
    };

    private static string KindIcon(string kind) => kind switch
    {
        "Room" => Icons.Material.Outlined.MeetingRoom,
        "Vehicle" => Icons.Material.Outlined.DirectionsCar,
        _ => Icons.Material.Outlined.Devices,
    };
}
