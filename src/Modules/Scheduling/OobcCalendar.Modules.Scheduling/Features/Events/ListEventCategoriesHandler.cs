using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Modules.Scheduling.Persistence;

namespace OobcCalendar.Modules.Scheduling.Features.Events;

/// <summary>Answers the public <see cref="ListEventCategories"/> from Scheduling's own table.</summary>
internal sealed class ListEventCategoriesHandler(IDbContextFactory<SchedulingDbContext> contexts) : IQueryHandler<ListEventCategories, IReadOnlyList<EventCategoryInfo>>
{
    public async ValueTask<IReadOnlyList<EventCategoryInfo>> Handle(ListEventCategories query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Categories.AsNoTracking().OrderBy(c => c.Order).ThenBy(c => c.Name)
            .Select(c => new EventCategoryInfo(c.Id, c.Name, c.Colour)).ToListAsync(cancellationToken);
    }
}
