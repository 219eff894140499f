using OobcCalendar.Modules.Leave.Domain.Holidays;
using OobcCalendar.Modules.Leave.Domain.LeaveTypes;

namespace OobcCalendar.Modules.Leave.Domain.Requests;

/// <summary>A rule a request breaks, keyed by the field to blame (for the form).</summary>
internal sealed record LeaveProblem(string Field, string Message);

/// <summary>
/// What a rule check needs to know about the request and the person: the person's today (office zone) and the
/// credits available after their other pending requests of the same credits (null for a type without balance).
/// </summary>
internal sealed record LeaveCheck(LeaveType Type, LeavePeriod Period, decimal Days, DateOnly Today, decimal? Available, bool HasDocument, HolidayCalendar Calendar);

/// <summary>
/// The rules of a request that depend on its type, the calendar and the balance. The form shows all of them live
/// (<see cref="Problems"/>); submitting refuses the first. Dates in order and the half-day shape are checked before
/// (<see cref="LeavePeriod.Problem"/>).
/// </summary>
internal static class LeavePolicy
{
    public static IReadOnlyList<LeaveProblem> Problems(LeaveCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var problems = new List<LeaveProblem>();
        var type = check.Type.Settings;
        if (!check.Type.IsActive)
        {
            problems.Add(new("LeaveTypeId", $"{type.Name} can no longer be requested."));
        }

        if (check.Period.HasHalfDay && !type.HalfDaysAllowed)
        {
            problems.Add(new("FirstDayPart", $"{type.Name} is taken in whole days only."));
        }

        if (check.Days <= 0)
        {
            problems.Add(new("FirstDay", "Those days are all weekends or holidays: there is nothing to request."));
        }

        if (type.MinimumNoticeWorkingDays > 0 && WorkingDays.Between(check.Today, check.Period.First, check.Calendar) < type.MinimumNoticeWorkingDays)
        {
            var earliest = check.Calendar.WorkingDaysAfter(check.Today, type.MinimumNoticeWorkingDays).AddDays(1);
            problems.Add(new("FirstDay",
                $"{type.Name} needs {Days(type.MinimumNoticeWorkingDays)} working days' notice: the earliest first day you can ask for now is {earliest:ddd d MMM yyyy}."));
        }

        if (check.Available is { } available && check.Days > available)
        {
            problems.Add(new("LastDay", $"This costs {Days(check.Days)} days but you have {Days(Math.Max(0, available))} days of {CreditName(check.Type)} left."));
        }

        if (check.Type.NeedsDocument(check.Days) && !check.HasDocument)
        {
            problems.Add(new("Document", type.DocumentRequiredAfterDays is 0
                ? $"{type.Name} needs a supporting document."
                : $"{type.Name} of more than {Days(type.DocumentRequiredAfterDays!.Value)} days needs a supporting document (e.g. a medical certificate)."));
        }

        return problems;
    }

    public static string Days(decimal days) => days.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

    private static string CreditName(LeaveType type) =>
        type.Settings.ChargedToCode is { } code ? $"{code} credits" : type.Name.ToLowerInvariant();
}
