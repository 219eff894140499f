using System.Globalization;
using Microsoft.AspNetCore.Components;
using OobcCalendar.Shared.Recurrence;

namespace OobcCalendar.Shared.UI;

/// <summary>
/// Edits a recurrence rule: frequency, interval, weekdays, monthly day or nth weekday, end; or a raw RRULE.
/// Two-way bind <see cref="Value"/>; the rule text is what gets stored and expanded.
/// </summary>
public partial class RecurrenceEditor
{
    private RecurrenceChoice choice = new();
    private bool custom;
    private string? customText;
    private string? lastEmitted;
    private DateOnly? lastFirstDate;
    private bool touched;

    /// <summary>The RRULE value (no "RRULE:" prefix).</summary>
    [Parameter] public string? Value { get; set; }

    [Parameter] public EventCallback<string?> ValueChanged { get; set; }

    /// <summary>Date of the first occurrence: sets the default weekday and day of month until the user picks their own.</summary>
    [Parameter] public DateOnly? FirstDate { get; set; }

    /// <summary>Zone of the series, for the UNTIL instant (default: the office zone).</summary>
    [Parameter] public string? TimeZoneId { get; set; }

    /// <summary>A message to show under the editor, e.g. the server's "Recurrence" validation error.</summary>
    [Parameter] public string? ErrorText { get; set; }

    [Parameter] public bool Disabled { get; set; }

    private string Unit => choice.Frequency switch
    {
        RecurrenceFrequency.Daily => "days",
        RecurrenceFrequency.Weekly => "weeks",
        RecurrenceFrequency.Monthly => "months",
        _ => "years",
    };

    private DateTime? UntilDate => choice.Until?.ToDateTime(TimeOnly.MinValue);

    private DateTime? FirstDateTime => FirstDate?.ToDateTime(TimeOnly.MinValue);

    protected override async Task OnParametersSetAsync()
    {
        if (Value != lastEmitted)
        {
            // Set from outside (initial value or a reopened series): show it in the form if it fits.
            lastEmitted = Value;
            if (string.IsNullOrWhiteSpace(Value))
            {
                choice = RecurrenceChoice.StartingOn(FirstDate ?? DateOnly.FromDateTime(DateTime.Today));
                lastFirstDate = FirstDate;
                await EmitAsync(choice.ToRRule(TimeZoneId));
                return;
            }

            touched = true;
            if (RecurrenceChoice.TryParse(Value, TimeZoneId, out var parsed, FirstDate))
            {
                choice = parsed;
                custom = false;
            }
            else
            {
                custom = true;
                customText = Value;
            }
        }

        if (FirstDate != lastFirstDate)
        {
            lastFirstDate = FirstDate;
            if (!touched && !custom && FirstDate is { } first)
            {
                // Until the user picks days, the series follows the first occurrence's weekday and date.
                var start = RecurrenceChoice.StartingOn(first);
                await UpdateAsync(choice with { Weekdays = start.Weekdays, DayOfMonth = start.DayOfMonth, WeekOfMonth = start.WeekOfMonth, NthWeekday = start.NthWeekday }, byUser: false);
            }
        }
    }

    private Task OnWeekdaysAsync(IReadOnlyCollection<DayOfWeek>? days) =>
        UpdateAsync(choice with { Weekdays = RecurrenceChoice.WeekOrder.Where(d => days?.Contains(d) == true).ToList() });

    private Task OnEndAsync(RecurrenceEnd end) =>
        UpdateAsync(choice with { End = end, Until = end == RecurrenceEnd.OnDate ? choice.Until ?? DefaultUntil() : choice.Until });

    private Task OnUntilAsync(DateTime? date) =>
        UpdateAsync(choice with { Until = date is { } d ? DateOnly.FromDateTime(d) : null, End = date is null ? choice.End : RecurrenceEnd.OnDate });

    private async Task OnCustomAsync(bool on)
    {
        custom = on;
        if (on)
        {
            customText = choice.ToRRule(TimeZoneId);
            return;
        }

        if (RecurrenceChoice.TryParse(customText, TimeZoneId, out var parsed, FirstDate))
        {
            choice = parsed;
        }

        await EmitAsync(choice.ToRRule(TimeZoneId));
    }

    private Task OnCustomTextAsync(string? text)
    {
        customText = text;
        return EmitAsync(text?.Trim());
    }

    private Task UpdateAsync(RecurrenceChoice next, bool byUser = true)
    {
        touched |= byUser;
        choice = next;
        return EmitAsync(choice.ToRRule(TimeZoneId));
    }

    private async Task EmitAsync(string? rule)
    {
        lastEmitted = rule;
        await ValueChanged.InvokeAsync(rule);
    }

    private DateOnly DefaultUntil() => (FirstDate ?? DateOnly.FromDateTime(DateTime.Today)).AddMonths(3);

    private static string DayShort(DayOfWeek day) => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(day);

    private static string DayLong(DayOfWeek day) => CultureInfo.InvariantCulture.DateTimeFormat.GetDayName(day);
}
