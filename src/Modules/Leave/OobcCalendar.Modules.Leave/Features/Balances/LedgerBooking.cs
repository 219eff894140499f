using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Leave.Domain.Holidays;
using OobcCalendar.Modules.Leave.Domain.Ledger;
using OobcCalendar.Modules.Leave.Domain.Requests;
using OobcCalendar.Modules.Leave.Features.Requests;
using OobcCalendar.Modules.Leave.Persistence;

namespace OobcCalendar.Modules.Leave.Features.Balances;

/// <summary>
/// Books what a request does to a balance: its days taken when finally approved (split by leave year, a year already
/// closed passing its share to the next open one), and given back when approved leave is cancelled.
/// </summary>
internal static class LedgerBooking
{
    public static async Task TakenAsync(LeaveDbContext db, LeaveRequest request, Guid creditsTypeId, HolidayCalendar calendar, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var byYear = WorkingDays.ByYear(request.Period, calendar).Where(y => y.Value > 0).ToList();
        if (byYear.Count == 0 || request.Days == 0)
        {
            return;
        }

        // The filed figure is what the person saw and the approver approved; a holiday added since moves nothing.
        var shares = byYear.Count == 1 ? [new KeyValuePair<int, decimal>(byYear[0].Key, request.Days)] : byYear;
        foreach (var (year, days) in shares)
        {
            var open = await LeaveContext.OpenYearAsync(db, year, cancellationToken);
            db.Ledger.Add(LedgerEntry.Create(
                new LedgerLine(request.PersonId, creditsTypeId, open, LedgerEntryKind.Taken, -days, request.FirstDay, LeaveLedger.TakenKey(request.Id, year), request.Id,
                    open == year ? null : $"Leave in {year}, approved after that year was closed."),
                now));
        }

        LeaveNotices.BalanceChanged(db, request.PersonId);
    }

    /// <summary>Gives back the taken days from <paramref name="from"/> on; returns how many.</summary>
    public static async Task<decimal> RestoredAsync(LeaveDbContext db, LeaveRequest request, DateOnly from, HolidayCalendar calendar, Guid actorId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var taken = await db.Ledger.Where(e => e.RequestId == request.Id).ToListAsync(cancellationToken);
        var spent = -taken.Sum(e => e.Days);
        if (spent <= 0)
        {
            return 0;
        }

        decimal back;
        if (from <= request.FirstDay)
        {
            back = spent;
        }
        else
        {
            var rest = new LeavePeriod(from, request.LastDay, DayPart.Full, request.LastDayPart);
            back = from > request.LastDay ? 0 : Math.Min(spent, WorkingDays.Count(rest, calendar));
        }

        if (back <= 0)
        {
            return 0;
        }

        var creditsTypeId = taken[0].LeaveTypeId;
        var year = await LeaveContext.OpenYearAsync(db, from.Year, cancellationToken);
        db.Ledger.Add(LedgerEntry.Create(
            new LedgerLine(request.PersonId, creditsTypeId, year, LedgerEntryKind.Restored, back, from, LeaveLedger.RestoredKey(request.Id, year), request.Id,
                "Leave cancelled.", actorId),
            now));
        LeaveNotices.BalanceChanged(db, request.PersonId);
        return back;
    }
}
