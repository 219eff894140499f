using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Resources.Domain.Bookings;
using OobcCalendar.Modules.Resources.Domain.Resources;
using OobcCalendar.Modules.Resources.Features.Resources;
using OobcCalendar.Modules.Resources.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Resources.Features.Bookings;

/// <summary>Resources down the side, time across: every hold and blackout in [From, To).</summary>
internal sealed record GetTimeline(DateTimeOffset From, DateTimeOffset To, ResourceKind? Kind) : IQuery<Timeline>;

/// <summary>The availability timeline.</summary>
internal sealed record Timeline(IReadOnlyList<ResourceItem> Resources, IReadOnlyList<TimelineBlock> Blocks);

/// <summary>A coloured block: "pending", "booked" or "blackout".</summary>
internal sealed record TimelineBlock(Guid ResourceId, string State, DateTimeOffset Start, DateTimeOffset End, string Label, Guid? BookingId, Guid? RequesterId);

/// <summary>
/// <c>Resources:Timeline:ShowRequesterNames</c>: whether people who may not read a booking's purpose see who holds
/// the slot ("Booked · Name") or only that it is held ("Booked"). Off by default.
/// </summary>
internal sealed record TimelinePrivacy(bool ShowRequesterNames);

/// <summary>
/// A booking's purpose is the requester's business: on the shared timeline only the requester, its attendees, whoever
/// may decide it and Admins read it; everyone else sees "Booked" (as the bookings feed shows only one's own).
/// </summary>
internal sealed class GetTimelineHandler(IDbContextFactory<ResourcesDbContext> contexts, ICurrentUser currentUser, IUserDirectory directory, TimelinePrivacy privacy)
    : IQueryHandler<GetTimeline, Timeline>
{
    public const string HiddenLabel = BookingPrivacy.HiddenBooked;

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
            .Select(b => new { b.Id, b.ResourceId, b.Status, b.Start, b.End, b.Purpose, b.RequesterId, b.AttendeeIds })
            .ToListAsync(cancellationToken);
        var byId = resources.ToDictionary(r => r.Id);
        var names = privacy.ShowRequesterNames
            ? (await directory.GetManyAsync(holds.Select(h => h.RequesterId).Distinct().ToList(), cancellationToken)).ToDictionary(u => u.Id, u => u.DisplayName)
            : new Dictionary<Guid, string>();
        var holdBlocks = holds.Select(b =>
        {
            var resource = byId[b.ResourceId];
            var mayRead = BookingPrivacy.MayReadPurpose(resource, b.RequesterId, b.AttendeeIds, currentUser);
            var label = mayRead ? b.Purpose
                : names.TryGetValue(b.RequesterId, out var name) ? $"{HiddenLabel} · {name}"
                : HiddenLabel;
            return new TimelineBlock(b.ResourceId, b.Status == BookingStatus.Pending ? "pending" : "booked", b.Start, b.End, label, b.Id, b.RequesterId);
        });
        var blackouts = await db.Blackouts.AsNoTracking()
            .Where(b => b.Start < query.To && query.From < b.End && (b.ResourceId == null || ids.Contains(b.ResourceId.Value)))
            .ToListAsync(cancellationToken);
        var blackoutBlocks = blackouts.SelectMany(b => (b.ResourceId is { } id ? [id] : ids)
            .Select(id => new TimelineBlock(id, "blackout", b.Start, b.End, b.Reason, null, null)));
        return new Timeline(resources.Select(ResourceItem.From).ToList(), [.. holdBlocks, .. blackoutBlocks]);
    }
}
