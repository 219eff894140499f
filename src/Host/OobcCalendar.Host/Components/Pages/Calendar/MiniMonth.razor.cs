using Microsoft.AspNetCore.Components;

namespace OobcCalendar.Host.Components.Pages.Calendar;

/// <summary>
/// The calendar page's mini month. It shows the month holding today while today is in the period the calendar
/// shows, otherwise the month of <see cref="Focus"/>, and not simply the month of the period's first day: a week
/// that starts in the previous month would otherwise hide today. Today is filled; the period shown is a band.
/// </summary>
public sealed partial class MiniMonth : ComponentBase
{
    private static readonly string[] DayNames = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];
    private DateOnly shown;
    private (DateOnly, DateOnly, DateOnly?, DateOnly)? placedFor;

    /// <summary>Today in the user's zone.</summary>
    [Parameter, EditorRequired] public DateOnly Today { get; set; }

    /// <summary>First day of the period the calendar shows.</summary>
    [Parameter] public DateOnly? RangeStart { get; set; }

    /// <summary>Day after the last day of that period.</summary>
    [Parameter] public DateOnly? RangeEnd { get; set; }

    /// <summary>The date the user is looking at (the month of a month view, a date they jumped to).</summary>
    [Parameter] public DateOnly? Focus { get; set; }

    [Parameter] public EventCallback<DateOnly> DateChanged { get; set; }

    protected override void OnParametersSet()
    {
        // Re-place only when the calendar moved: the user's own paging through months stays until then.
        var key = (Today, RangeStart ?? Today, Focus, RangeEnd ?? Today);
        if (placedFor == key)
        {
            return;
        }

        placedFor = key;
        var anchor = InRange(Today) || (RangeStart is null && Focus is null) ? Today : Focus ?? RangeStart!.Value;
        shown = new DateOnly(anchor.Year, anchor.Month, 1);
    }

    private void Move(int months) => shown = shown.AddMonths(months);

    private bool InRange(DateOnly day) => RangeStart is { } start && RangeEnd is { } end && day >= start && day < end;

    private IEnumerable<DateOnly[]> Weeks()
    {
        var first = shown.AddDays(-(((int)shown.DayOfWeek + 6) % 7));
        var next = shown.AddMonths(1);
        for (var monday = first; monday < next; monday = monday.AddDays(7))
        {
            yield return Enumerable.Range(0, 7).Select(monday.AddDays).ToArray();
        }
    }

    private string ClassOf(DateOnly day)
    {
        var classes = new List<string> { "oobc-mini-day" };
        if (day.Month != shown.Month)
        {
            classes.Add("outside");
        }

        if (day == Today)
        {
            classes.Add("today");
        }

        if (InRange(day))
        {
            classes.Add("in-range");
            if (day == RangeStart || day.DayOfWeek == DayOfWeek.Monday)
            {
                classes.Add("range-start");
            }

            if (day.AddDays(1) == RangeEnd || day.DayOfWeek == DayOfWeek.Sunday)
            {
                classes.Add("range-end");
            }
        }

        return string.Join(' ', classes);
    }
}
