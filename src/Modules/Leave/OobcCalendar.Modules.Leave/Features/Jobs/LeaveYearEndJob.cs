using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OobcCalendar.Modules.Leave.Domain.Ledger;
using OobcCalendar.Modules.Leave.Persistence;
using OobcCalendar.Modules.Leave.Persistence.Configurations;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;
using Quartz;

namespace OobcCalendar.Modules.Leave.Features.Jobs;

/// <summary>
/// On 1 January (office zone, after December's accrual) closes the year just ended for everyone with entries in it:
/// the mandatory-leave forfeiture, carry-over up to each type's cap and forfeiture of the rest (<see cref="YearEnd"/>);
/// then grants the new year's yearly types and seeds the holidays of the year after. A closed year is recorded, so a
/// second run changes nothing, and days approved later for a closed year are booked in the next open one.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class LeaveYearEndJob(
    IDbContextFactory<LeaveDbContext> contexts,
    LeaveAccrualJob accrual,
    LeaveReferenceData referenceData,
    TimeProvider clock,
    ILogger<LeaveYearEndJob> logger) : IJob
{
    public const string Name = "leave.year-end";

    /// <summary>01:30 on 1 January, an hour after December's accrual.</summary>
    public const string Cron = "0 30 1 1 1 ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var year = WallClock.Today(clock, OfficeTime.DefaultTimeZoneId).Year;
        var closed = await CloseYearAsync(year - 1, cancellationToken);
        var granted = await accrual.GrantAsync(year, cancellationToken);
        await referenceData.SeedAsync(referenceData.CurrentAndNextYear(), cancellationToken);
        logger.LogInformation("Leave year {Year} closed: {Closed} entries; {Granted} grants for {Next}", year - 1, closed, granted, year);
    }

    /// <summary>Closes <paramref name="year"/>; returns how many ledger entries it added (0 when already closed).</summary>
    public async Task<int> CloseYearAsync(int year, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtextextended('leave.accrual', 0))", cancellationToken);
        if (await db.ClosedYears.AnyAsync(y => y.Year == year, cancellationToken))
        {
            return 0;
        }

        var types = await db.LeaveTypes.AsNoTracking().ToListAsync(cancellationToken);
        var entries = await db.Ledger.AsNoTracking().Where(e => e.Year == year).ToListAsync(cancellationToken);
        var added = 0;
        foreach (var group in entries.GroupBy(e => (e.PersonId, e.LeaveTypeId)))
        {
            var type = types.Single(t => t.Id == group.Key.LeaveTypeId);
            var rule = types.Where(t => t.Settings.ChargedToCode == type.Code && t.Settings.RequiredDaysPerYear is > 0)
                .Select(t => new MandatoryRule(t.Name, t.Settings.RequiredDaysPerYear!.Value, t.Settings.RequiredFromBalanceDays ?? 0))
                .FirstOrDefault();
            var outcome = YearEnd.Close(LeaveLedger.BalanceOfYear(group, year), LeaveLedger.SpentInYear(group, year), type.Settings, rule);
            var existing = group.Select(e => e.Key).ToHashSet();
            foreach (var line in YearEnd.Lines(group.Key.PersonId, type.Id, year, outcome, type.Settings, rule).Where(l => !existing.Contains(l.Key)))
            {
                db.Ledger.Add(LedgerEntry.Create(line, now));
                added++;
            }
        }

        db.ClosedYears.Add(new ClosedLeaveYear { Year = year, ClosedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return added;
    }
}
