using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OobcCalendar.Modules.Leave.Domain.LeaveTypes;
using OobcCalendar.Modules.Leave.Domain.Ledger;
using OobcCalendar.Modules.Leave.Features.Requests;
using OobcCalendar.Modules.Leave.Persistence;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;
using Quartz;

namespace OobcCalendar.Modules.Leave.Features.Jobs;

/// <summary>
/// On the 1st of every month (office zone) credits the month just ended (1.25 days of vacation and of sick leave),
/// and makes sure everyone holds this year's yearly grants (a joiner gets theirs, prorated, in their first run).
/// Idempotent: each credit has a key ("accrual:2027-03", "grant:2027") under a unique index, so running twice for a
/// month, or a misfire replayed, adds nothing.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class LeaveAccrualJob(
    IDbContextFactory<LeaveDbContext> contexts,
    IUserDirectory directory,
    TimeProvider clock,
    ILogger<LeaveAccrualJob> logger) : IJob
{
    public const string Name = "leave.monthly-accrual";

    /// <summary>00:30 on the 1st of each month.</summary>
    public const string Cron = "0 30 0 1 * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var previousMonth = WallClock.Today(clock, OfficeTime.DefaultTimeZoneId).AddMonths(-1);
        var added = await AccrueAsync(previousMonth.Year, previousMonth.Month, cancellationToken);
        added += await GrantAsync(WallClock.Today(clock, OfficeTime.DefaultTimeZoneId).Year, cancellationToken);
        logger.LogInformation("Leave accrual for {Year}-{Month:D2}: {Count} ledger entries", previousMonth.Year, previousMonth.Month, added);
    }

    /// <summary>Credits the monthly accrual of <paramref name="year"/>/<paramref name="month"/> (and the year's grants); returns how many entries were added.</summary>
    public async Task<int> AccrueAsync(int year, int month, CancellationToken cancellationToken)
    {
        var key = LeaveLedger.AccrualKey(year, month);
        return await BookAsync(t => t.Settings.Earning == LeaveEarning.Monthly, key,
            (t, started) => Accrual.ForMonth(t.Settings.EarnedDays, year, month, started),
            new DateOnly(year, month, DateTime.DaysInMonth(year, month)), year, cancellationToken) + await GrantAsync(year, cancellationToken);
    }

    /// <summary>Grants the yearly types of <paramref name="year"/> to everyone who has not got them; returns how many entries were added.</summary>
    public Task<int> GrantAsync(int year, CancellationToken cancellationToken) =>
        BookAsync(t => t.Settings.Earning == LeaveEarning.Yearly, LeaveLedger.GrantKey(year),
            (t, started) => Accrual.YearlyGrant(t.Settings.EarnedDays, year, started),
            new DateOnly(year, 1, 1), year, cancellationToken);

    private async Task<int> BookAsync(
        Func<LeaveType, bool> which, string key, Func<LeaveType, DateOnly?, decimal> days, DateOnly effectiveOn, int year, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var people = await LeavePeople.EarnersAsync(directory, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtextextended('leave.accrual', 0))", cancellationToken);
        var types = (await db.LeaveTypes.AsNoTracking().Where(t => t.IsActive).ToListAsync(cancellationToken)).Where(t => t.SpendsOwnCredits && which(t)).ToList();
        var typeIds = types.Select(t => t.Id).ToList();
        var booked = (await db.Ledger.Where(e => e.Key == key && typeIds.Contains(e.LeaveTypeId)).Select(e => new { e.PersonId, e.LeaveTypeId }).ToListAsync(cancellationToken))
            .Select(e => (e.PersonId, e.LeaveTypeId)).ToHashSet();
        var started = await db.Profiles.AsNoTracking().ToDictionaryAsync(p => p.PersonId, p => p.StartedOn, cancellationToken);
        var open = await LeaveContext.OpenYearAsync(db, year, cancellationToken);
        var added = 0;
        foreach (var person in people)
        {
            foreach (var type in types.Where(t => !booked.Contains((person, t.Id))))
            {
                var start = started.GetValueOrDefault(person);
                var credit = days(type, start);
                if (credit > 0)
                {
                    var on = start is { } s && s > effectiveOn && s.Year == effectiveOn.Year ? s : effectiveOn;
                    db.Ledger.Add(LedgerEntry.Create(new LedgerLine(person, type.Id, open, key.StartsWith("grant", StringComparison.Ordinal) ? LedgerEntryKind.Grant : LedgerEntryKind.Accrual, credit, on, key), now));
                    added++;
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return added;
    }
}
