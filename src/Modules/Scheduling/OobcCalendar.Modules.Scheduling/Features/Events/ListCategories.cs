using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Scheduling.Persistence;

namespace OobcCalendar.Modules.Scheduling.Features.Events;

/// <summary>Event categories for pickers, filters and the legend.</summary>
internal sealed record ListCategories : IQuery<IReadOnlyList<EventCategoryView>>;

internal sealed class ListCategoriesHandler(IDbContextFactory<SchedulingDbContext> contexts) : IQueryHandler<ListCategories, IReadOnlyList<EventCategoryView>>
{
    public async ValueTask<IReadOnlyList<EventCategoryView>> Handle(ListCategories query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Categories.AsNoTracking().OrderBy(c => c.Order).ThenBy(c => c.Name)
            .Select(c => new EventCategoryView(c.Id, c.Name, c.Colour)).ToListAsync(cancellationToken);
    }
}
