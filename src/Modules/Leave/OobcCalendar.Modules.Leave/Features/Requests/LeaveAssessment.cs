using OobcCalendar.Modules.Leave.Domain.Holidays;
using OobcCalendar.Modules.Leave.Domain.Requests;
using OobcCalendar.Modules.Leave.Persistence;

namespace OobcCalendar.Modules.Leave.Features.Requests;

/// <summary>What a request would be, for the live form and for submitting: one computation, so they never disagree.</summary>
internal sealed record LeaveAssessment(
    CreditsOf Type,
    LeavePeriod Period,
    decimal Days,
    decimal? Balance,
    decimal Pending,
    HolidayCalendar Calendar,
    IReadOnlyList<LeaveProblem> Problems)
{
    public decimal? Available => Balance - Pending;

    public decimal? BalanceAfter => Available - Days;

    /// <summary>Assesses a request of <paramref name="personId"/> (whose shape the validator already checked).</summary>
    public static async Task<LeaveAssessment> OfAsync(
        LeaveDbContext db, Guid personId, Guid? unitId, LeaveDraft draft, bool hasDocument, DateOnly today, Guid? except, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var type = await LeaveContext.TypeAsync(db, draft.LeaveTypeId, cancellationToken);
        var period = LeavePeriod.Create(draft.FirstDay, draft.LastDay, draft.FirstDayPart, draft.LastDayPart);
        // Holidays from today (the notice window) to well past the last day (the earliest allowed day may lie beyond).
        var from = today < period.First ? today : period.First;
        var calendar = await LeaveContext.CalendarAsync(db, unitId, from, (period.Last > today ? period.Last : today).AddDays(120), cancellationToken);
        var days = period.WorkingDays(calendar);
        decimal? balance = null;
        var pending = 0m;
        if (type.Credits is { } credits)
        {
            balance = await LeaveContext.BalanceAsync(db, personId, credits.Id, cancellationToken);
            pending = await LeaveContext.PendingAsync(db, personId, credits.Id, except, cancellationToken);
        }

        var problems = LeavePolicy.Problems(new LeaveCheck(type.Type, period, days, today, balance - pending, hasDocument, calendar));
        return new LeaveAssessment(type, period, days, balance, pending, calendar, problems);
    }
}

/// <summary>The fields of a request the rules look at.</summary>
internal sealed record LeaveDraft(Guid LeaveTypeId, DateOnly FirstDay, DateOnly LastDay, DayPart FirstDayPart, DayPart LastDayPart);
