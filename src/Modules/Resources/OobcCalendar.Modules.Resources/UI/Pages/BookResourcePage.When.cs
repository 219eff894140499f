using System.Globalization;
using OobcCalendar.Modules.Resources.UI.Components;
using OobcCalendar.Shared.Time;

namespace OobcCalendar.Modules.Resources.UI.Pages;

/// <summary>The "when" of the booking form: the starting slot, and keeping date, times and length consistent as they change.</summary>
public partial class BookResourcePage
{
    private void ApplyQueryTimes()
    {
        if (!TryParseInstant(StartParameter, out var start) || !TryParseInstant(EndParameter, out var end) || end <= start)
        {
            return;
        }

        if (Start == start && End == end)
        {
            return;
        }

        SetSlot(start, end);
    }

    private static bool TryParseInstant(string? text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);

    private void SetSlot(DateTimeOffset start, DateTimeOffset end)
    {
        var s = WallClock.ToLocal(start, Zone);
        var e = WallClock.ToLocal(end, Zone);
        date = s.Date;
        startTime = s.TimeOfDay;
        endTime = e.TimeOfDay;
        // The time pickers cannot say 24:00, so a range ending at midnight is a two-day range.
        multiDay = e.Date != s.Date;
        endDate = multiDay ? e.Date : null;
    }

    /// <summary>The next whole hour that leaves the resource's notice, within office-ish hours.</summary>
    private void SetDefaultSlot()
    {
        var earliest = WallClock.ToLocal(Clock.GetUtcNow().AddMinutes(resource!.Rules.MinimumNoticeMinutes), Zone);
        var candidate = earliest.Date.AddHours(Math.Ceiling(earliest.TimeOfDay.TotalHours));
        if (candidate.Hour < 8)
        {
            candidate = candidate.Date.AddHours(9);
        }
        else if (candidate.Hour >= 17)
        {
            candidate = candidate.Date.AddDays(1).AddHours(9);
        }

        while (!resource.Rules.IsBookableDay(candidate.DayOfWeek) && resource.Rules.Days != 0)
        {
            candidate = candidate.AddDays(1);
        }

        date = candidate.Date;
        startTime = candidate.TimeOfDay;
        endTime = candidate.TimeOfDay + DefaultLength;
    }

    private void OnDateChanged(DateTime? value)
    {
        if (multiDay && date is { } old && endDate is { } oldEnd && value is { } changed)
        {
            // Moving the start day moves the whole range.
            endDate = oldEnd + (changed - old);
        }

        date = value;
        Touch();
    }

    private void OnEndDateChanged(DateTime? value)
    {
        endDate = value;
        Touch();
    }

    private void OnStartChanged(TimeSpan? value)
    {
        // Keep the length: moving the start moves the end.
        if (value is { } next && startTime is { } previous && endTime is { } end && !multiDay)
        {
            var moved = end + (next - previous);
            endTime = moved < TimeSpan.FromDays(1) ? moved : endTime;
        }

        startTime = value;
        Touch();
    }

    private void OnEndChanged(TimeSpan? value)
    {
        endTime = value;
        Touch();
    }

    private void OnMultiDayChanged(bool value)
    {
        multiDay = value;
        endDate = value ? (date ?? Today).AddDays(1) : null;
        Touch();
    }

    private void OnAttendeesChanged(int? value)
    {
        attendees = value;
        Touch();
    }

    private void UseTime((DateTimeOffset Start, DateTimeOffset End) slot)
    {
        SetSlot(slot.Start, slot.End);
        Touch();
    }
}
