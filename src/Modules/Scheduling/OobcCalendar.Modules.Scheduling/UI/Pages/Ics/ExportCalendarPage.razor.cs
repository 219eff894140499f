using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using OobcCalendar.Modules.Scheduling.Features.Ics;
using OobcCalendar.Shared.Users;
using OobcCalendar.Shared.Time;

namespace OobcCalendar.Modules.Scheduling.UI.Pages.Ics;

/// <summary>Choose a period and download the calendar for it (the endpoint does the work; this page builds its link).</summary>
public partial class ExportCalendarPage
{
    private const int MaxDays = ExportCalendarIcsHandler.MaxDays;
    private DateRange? range;
    private bool everything;

    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    private string? DownloadUrl => range is { Start: { } start, End: { } end }
        ? string.Create(CultureInfo.InvariantCulture, $"{SchedulingEndpoints.CalendarIcsPath}?start={start:yyyy-MM-dd}&end={end.AddDays(1):yyyy-MM-dd}{(everything ? "&scope=all" : null)}")
        : null;

    private string FileName => range is { Start: { } start, End: { } end }
        ? string.Create(CultureInfo.InvariantCulture, $"oobc-calendar-{start:yyyy-MM-dd}-to-{end:yyyy-MM-dd}.ics")
        : "oobc-calendar.ics";

    protected override void OnInitialized()
    {
        // This month and the next two: what people usually take along to another calendar.
        var today = WallClock.Today(Clock, CurrentUser.TimeZoneId).ToDateTime(TimeOnly.MinValue);
        var first = new DateTime(today.Year, today.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        range = new DateRange(first, first.AddMonths(3).AddDays(-1));
    }

    private void OnRangeChanged(DateRange? value) => range = value;
}
