using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Resources.Domain.Bookings;
using OobcCalendar.Modules.Resources.Domain.Resources;
using OobcCalendar.Modules.Resources.Features.Resources;
using OobcCalendar.Modules.Resources.Persistence;

namespace OobcCalendar.Modules.Resources.Features.Bookings;

/// <summary>Resources down the side, time across: every hold and blackout in [From, To).</summary>
internal sealed record GetTimeline(DateTimeOffset From, DateTimeOffset To, ResourceKind? Kind) : IQuery<Timeline>;

/// <summary>The availability timeline.</summary>
internal sealed record Timeline(IReadOnlyList<ResourceItem> Resources, IReadOnlyList<TimelineBlock> Blocks);

/// <summary>A coloured block: "pending", "booked" or "blackout".</summary>
internal sealed record TimelineBlock(Guid ResourceId, string State, DateTimeOffset Start, DateTimeOffset End, string Label, Guid? BookingId, Guid? RequesterId);

internal sealed class GetTimelineHandler(IDbContextFactory<ResourcesDbContext> contexts) : IQueryHandler<GetTimeline, Timeline>
{
    public async ValueTask<Timeline> Handle(GetTimeline query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var resources = await db.Resources.AsNoTracking()
            .Where(r => r.IsActive && (query.Kind == null || r.Kind == query.Kind))
            .OrderBy(r => r.Kind).ThenBy(r => r.Name)
            .ToListAsync(cancellationToken);
        var ids = resources.Select(r => r.Id).ToList();
        var holds = await db.Bookings.AsNoTracking()
            .Where(b => ids.Contains(b.ResourceId) && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Approved) && b.Start < query.To && query.From < b.End)
            .Select(b => new TimelineBlock(b.ResourceId, b.Status == BookingStatus.Pending ? "pending" : "booked", b.Start, b.End, b.Purpose, b.Id, b.RequesterId))
            .ToListAsync(cancellationToken);
        var blackouts = await db.Blackouts.AsNoTracking()
            .Where(b => b.Start < query.To && query.From < b.End && (b.ResourceId == null || ids.Contains(b.ResourceId.Value)))
            .ToListAsync(cancellationToken);
        var blackoutBlocks = blackouts.SelectMany(b => (b.ResourceId is { } id ? [id] : ids)
            .Select(id => new TimelineBlock(id, "blackout", b.Start, b.End, b.Reason, null, null)));
        return new Timeline(resources.Select(ResourceItem.From).ToList(), [.. holds, .. blackoutBlocks]);
    }
}
