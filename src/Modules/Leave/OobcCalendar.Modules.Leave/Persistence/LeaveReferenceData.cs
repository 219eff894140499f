using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using OobcCalendar.Modules.Leave.Domain.Holidays;
using OobcCalendar.Modules.Leave.Domain.LeaveTypes;
using OobcCalendar.Modules.Leave.Persistence.Configurations;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave.Persistence;

/// <summary>
/// The data Leave cannot work without, in every environment (not demo data): the civil-service leave types, added
/// by code when missing, and the holidays of a year, seeded once per year. Admin's edits and deletions stand: a
/// type whose code exists is never touched, a year already seeded is never seeded again. Several hosts starting at
/// once queue on one advisory lock.
/// </summary>
internal sealed class LeaveReferenceData(IDbContextFactory<LeaveDbContext> contexts, TimeProvider clock)
{
    public async Task SeedAsync(IReadOnlyCollection<int> holidayYears, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtextextended('leave.reference-data', 0))", cancellationToken);

        var codes = await db.LeaveTypes.Select(t => t.Settings.Code).ToListAsync(cancellationToken);
        var order = 0;
        foreach (var settings in CivilServiceLeaveTypes.All)
        {
            order += 10;
            if (!codes.Contains(settings.Code))
            {
                db.LeaveTypes.Add(LeaveType.Create(Guid.CreateVersion7(), settings, order));
            }
        }

        var seeded = await db.HolidaySeedYears.Select(y => y.Year).ToListAsync(cancellationToken);
        foreach (var year in holidayYears.Except(seeded))
        {
            db.HolidaySeedYears.Add(new HolidaySeedYear { Year = year });
            db.Holidays.AddRange(PhilippineHolidays.For(year).Select(h => Holiday.Create(Guid.CreateVersion7(), h.Date, h.Name, h.Kind, null, h.ToBeConfirmed)));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The office's current year and the next (the holiday calendar always reaches a year ahead).</summary>
    public IReadOnlyList<int> CurrentAndNextYear()
    {
        var year = WallClock.Today(clock, OfficeTime.DefaultTimeZoneId).Year;
        return [year, year + 1];
    }
}

/// <summary>Seeds the reference data when the host starts (after migrations: the host migrates before it runs).</summary>
internal sealed class LeaveReferenceDataSeeder(LeaveReferenceData data) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => data.SeedAsync(data.CurrentAndNextYear(), cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
