using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Leave.Domain.Holidays;
using OobcCalendar.Modules.Leave.Domain.LeaveTypes;
using OobcCalendar.Modules.Leave.Domain.Requests;
using OobcCalendar.Modules.Leave.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave.Features.Requests;

/// <summary>The credits a type spends: its own, or those of the type it is charged to (mandatory leave spends vacation credits).</summary>
internal sealed record CreditsOf(LeaveType Type, LeaveType? Credits)
{
    public bool HasBalance => Credits is not null;
}

/// <summary>Reads shared by the request use cases: types and their credits, balances, pending days, a person's holidays.</summary>
internal static class LeaveContext
{
    public static async Task<CreditsOf> TypeAsync(LeaveDbContext db, Guid leaveTypeId, CancellationToken cancellationToken)
    {
        var type = await db.LeaveTypes.AsNoTracking().FirstOrDefaultAsync(t => t.Id == leaveTypeId, cancellationToken)
            ?? throw new InputValidationException(new Dictionary<string, string[]> { ["LeaveTypeId"] = ["Choose a leave type."] });
        return new CreditsOf(type, await CreditsAsync(db, type, cancellationToken));
    }

    public static async Task<LeaveType?> CreditsAsync(LeaveDbContext db, LeaveType type, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!type.Settings.HasBalance)
        {
            return null;
        }

        if (type.Settings.ChargedToCode is not { } code)
        {
            return type;
        }

        return await db.LeaveTypes.AsNoTracking().FirstOrDefaultAsync(t => t.Settings.Code == code, cancellationToken)
            ?? throw new BusinessRuleException($"{type.Name} is charged to {code} credits, which no longer exist: ask Admin to fix the leave type.");
    }

    public static Task<decimal> BalanceAsync(LeaveDbContext db, Guid personId, Guid creditsTypeId, CancellationToken cancellationToken) =>
        db.Ledger.Where(e => e.PersonId == personId && e.LeaveTypeId == creditsTypeId).SumAsync(e => e.Days, cancellationToken);

    /// <summary>Days of the person's pending requests spending <paramref name="creditsTypeId"/> (other than <paramref name="except"/>).</summary>
    public static async Task<decimal> PendingAsync(LeaveDbContext db, Guid personId, Guid creditsTypeId, Guid? except, CancellationToken cancellationToken)
    {
        var credits = await db.LeaveTypes.AsNoTracking().FirstAsync(t => t.Id == creditsTypeId, cancellationToken);
        var spenders = await db.LeaveTypes.AsNoTracking()
            .Where(t => t.Id == creditsTypeId || t.Settings.ChargedToCode == credits.Settings.Code)
            .Select(t => t.Id)
            .ToListAsync(cancellationToken);
        return await db.Requests
            .Where(r => r.PersonId == personId && r.Status == LeaveRequestStatus.Pending && spenders.Contains(r.LeaveTypeId) && r.Id != except)
            .SumAsync(r => r.Days, cancellationToken);
    }

    /// <summary>The person's working days from <paramref name="from"/> to <paramref name="to"/> (office-wide and their unit's holidays).</summary>
    public static async Task<HolidayCalendar> CalendarAsync(LeaveDbContext db, Guid? unitId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var holidays = await db.Holidays.AsNoTracking()
            .Where(h => h.Date >= from && h.Date <= to && (h.UnitId == null || h.UnitId == unitId))
            .ToListAsync(cancellationToken);
        return new HolidayCalendar(holidays, unitId);
    }

    /// <summary>The first leave year not yet closed at or after <paramref name="year"/>.</summary>
    public static async Task<int> OpenYearAsync(LeaveDbContext db, int year, CancellationToken cancellationToken)
    {
        var closed = await db.ClosedYears.Where(y => y.Year >= year).Select(y => y.Year).ToListAsync(cancellationToken);
        while (closed.Contains(year))
        {
            year++;
        }

        return year;
    }

    public static async Task<Guid?> UnitOfAsync(IUserDirectory directory, Guid personId, CancellationToken cancellationToken) =>
        (await directory.FindAsync(personId, cancellationToken))?.OrganisationUnitId;
}
