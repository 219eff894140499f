using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Leave.Contracts;
using OobcCalendar.Modules.Leave.Persistence;

namespace OobcCalendar.Modules.Leave.Features.Holidays;

/// <summary>Answers the public holidays query (Sharing's links that include holidays); office-wide days and one unit's.</summary>
internal sealed class ListOfficeHolidaysHandler(IDbContextFactory<LeaveDbContext> contexts) : IQueryHandler<ListOfficeHolidays, IReadOnlyList<OfficeHoliday>>
{
    public async ValueTask<IReadOnlyList<OfficeHoliday>> Handle(ListOfficeHolidays query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Holidays.AsNoTracking()
            .Where(h => h.Date >= query.From && h.Date <= query.To && (h.UnitId == null || h.UnitId == query.UnitId))
            .OrderBy(h => h.Date)
            .Select(h => new OfficeHoliday(h.Date, h.Name, h.UnitId))
            .ToListAsync(cancellationToken);
    }
}
