using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Leave.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave.Features.Holidays;

/// <summary>
/// The days off between <paramref name="From"/> and <paramref name="To"/> (inclusive): office-wide ones, plus those of
/// <paramref name="UnitId"/> when given, or of every unit when <paramref name="AllUnits"/> (Admin's editor).
/// </summary>
internal sealed record ListHolidays(DateOnly From, DateOnly To, Guid? UnitId = null, bool AllUnits = false) : IQuery<IReadOnlyList<HolidayItem>>;

/// <summary>A holiday as the calendar and the editor show it.</summary>
internal sealed record HolidayItem(Guid Id, DateOnly Date, string Name, string Kind, Guid? UnitId, bool ToBeConfirmed);

internal sealed class ListHolidaysHandler(IDbContextFactory<LeaveDbContext> contexts, ICurrentUser currentUser) : IQueryHandler<ListHolidays, IReadOnlyList<HolidayItem>>
{
    public async ValueTask<IReadOnlyList<HolidayItem>> Handle(ListHolidays query, CancellationToken cancellationToken)
    {
        if (!currentUser.IsAuthenticated)
        {
            throw new Shared.Errors.ForbiddenException("Sign in to see the holidays.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Holidays.AsNoTracking()
            .Where(h => h.Date >= query.From && h.Date <= query.To && (query.AllUnits || h.UnitId == null || h.UnitId == query.UnitId))
            .OrderBy(h => h.Date).ThenBy(h => h.Name)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(h => new HolidayItem(h.Id, h.Date, h.Name, h.Kind.ToString(), h.UnitId, h.ToBeConfirmed))];
    }
}
