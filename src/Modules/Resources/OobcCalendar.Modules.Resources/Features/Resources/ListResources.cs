using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Resources.Domain.Resources;
using OobcCalendar.Modules.Resources.Persistence;
using OobcCalendar.Shared.Errors;

namespace OobcCalendar.Modules.Resources.Features.Resources;

/// <summary>The resource directory: search text, kind, minimum capacity, required features.</summary>
internal sealed record ListResources(string? Search, ResourceKind? Kind, int? MinimumCapacity, IReadOnlyList<string>? Features, bool IncludeInactive)
    : IQuery<IReadOnlyList<ResourceItem>>;

internal sealed class ListResourcesHandler(IDbContextFactory<ResourcesDbContext> contexts) : IQueryHandler<ListResources, IReadOnlyList<ResourceItem>>
{
    public async ValueTask<IReadOnlyList<ResourceItem>> Handle(ListResources query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var resources = db.Resources.AsNoTracking();
        if (!query.IncludeInactive)
        {
            resources = resources.Where(r => r.IsActive);
        }

        if (query.Kind is { } kind)
        {
            resources = resources.Where(r => r.Kind == kind);
        }

        if (query.MinimumCapacity is { } capacity)
        {
            resources = resources.Where(r => r.Capacity >= capacity);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = $"%{query.Search.Trim()}%";
            resources = resources.Where(r => EF.Functions.ILike(r.Name, pattern) || EF.Functions.ILike(r.Location ?? string.Empty, pattern) || EF.Functions.ILike(r.Description ?? string.Empty, pattern)
                || EF.Functions.ILike(r.Identifier ?? string.Empty, pattern));
        }

        var list = await resources.OrderBy(r => r.Kind).ThenBy(r => r.Name).ToListAsync(cancellationToken);
        // Features are matched case-insensitively in memory: the directory is small (tens to hundreds).
        var wanted = query.Features ?? [];
        return list.Where(r => wanted.All(f => r.Features.Contains(f, StringComparer.OrdinalIgnoreCase))).Select(ResourceItem.From).ToList();
    }
}

/// <summary>One resource.</summary>
internal sealed record GetResource(Guid ResourceId) : IQuery<ResourceItem>;

internal sealed class GetResourceHandler(IDbContextFactory<ResourcesDbContext> contexts) : IQueryHandler<GetResource, ResourceItem>
{
    public async ValueTask<ResourceItem> Handle(GetResource query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var resource = await db.Resources.AsNoTracking().FirstOrDefaultAsync(r => r.Id == query.ResourceId, cancellationToken)
            ?? throw new NotFoundException("That resource does not exist.");
        return ResourceItem.From(resource);
    }
}

/// <summary>Every feature in use, for the directory's filter.</summary>
internal sealed record ListResourceFeatures : IQuery<IReadOnlyList<string>>;

internal sealed class ListResourceFeaturesHandler(IDbContextFactory<ResourcesDbContext> contexts) : IQueryHandler<ListResourceFeatures, IReadOnlyList<string>>
{
    public async ValueTask<IReadOnlyList<string>> Handle(ListResourceFeatures query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var all = await db.Resources.AsNoTracking().Where(r => r.IsActive).Select(r => r.Features).ToListAsync(cancellationToken);
        return all.SelectMany(f => f).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
    }
}
