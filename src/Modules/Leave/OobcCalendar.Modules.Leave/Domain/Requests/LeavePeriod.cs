using OobcCalendar.Modules.Leave.Domain.Holidays;
using OobcCalendar.Shared.Errors;

namespace OobcCalendar.Modules.Leave.Domain.Requests;

/// <summary>
/// The days a request covers: first and last day (inclusive) and the part of each. On a request of several days
/// the first day may start in the afternoon and the last may end at noon (anything else would leave a gap); a
/// one-day request is the whole day, the morning or the afternoon.
/// </summary>
internal sealed record LeavePeriod(DateOnly First, DateOnly Last, DayPart FirstPart = DayPart.Full, DayPart LastPart = DayPart.Full)
{
    /// <summary>The message for a period that cannot be, or null when it is fine.</summary>
    public static string? Problem(DateOnly first, DateOnly last, DayPart firstPart, DayPart lastPart)
    {
        if (last < first)
        {
            return "The last day must be on or after the first day.";
        }

        if (first == last)
        {
            return lastPart != DayPart.Full && firstPart != DayPart.Full && lastPart != firstPart
                ? "A one-day request is the whole day, the morning or the afternoon."
                : null;
        }

        if (firstPart == DayPart.Morning)
        {
            return "Leave of several days can start in the afternoon of the first day, not end at noon on it.";
        }

        return lastPart == DayPart.Afternoon ? "Leave of several days can end at noon on the last day, not start in its afternoon." : null;
    }

    public static LeavePeriod Create(DateOnly first, DateOnly last, DayPart firstPart, DayPart lastPart)
    {
        if (Problem(first, last, firstPart, lastPart) is { } problem)
        {
            throw new BusinessRuleException(problem);
        }

        // A one-day request keeps its one half in FirstPart.
        return first == last
            ? new LeavePeriod(first, last, firstPart == DayPart.Full ? lastPart : firstPart, firstPart == DayPart.Full ? lastPart : firstPart)
            : new LeavePeriod(first, last, firstPart, lastPart);
    }

    public bool HasHalfDay => FirstPart != DayPart.Full || LastPart != DayPart.Full;

    /// <summary>Working days this period costs.</summary>
    public decimal WorkingDays(HolidayCalendar calendar) => Requests.WorkingDays.Count(this, calendar);

    /// <summary>
    /// Start of the held range in wall-clock half-days: midnight, or noon when the first day starts in the afternoon.
    /// A morning and an afternoon of the same day do not overlap, so the database constraint lets both stand.
    /// </summary>
    public DateTime HeldFrom => First.ToDateTime(FirstPart == DayPart.Afternoon ? new TimeOnly(12, 0) : TimeOnly.MinValue);

    /// <summary>End (exclusive) of the held range: the next midnight, or noon when the last day ends in the morning.</summary>
    public DateTime HeldUntil => LastPart == DayPart.Morning && !(First == Last && FirstPart == DayPart.Afternoon)
        ? Last.ToDateTime(new TimeOnly(12, 0))
        : Last.AddDays(1).ToDateTime(TimeOnly.MinValue);

    public bool Overlaps(LeavePeriod other) => HeldFrom < other.HeldUntil && other.HeldFrom < HeldUntil;
}
