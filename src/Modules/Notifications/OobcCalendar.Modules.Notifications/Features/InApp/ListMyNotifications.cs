using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Notifications.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Notifications.Features.InApp;

/// <summary>The signed-in person's bell: the unread count and the latest lines, newest first (optionally unread only).</summary>
internal sealed record ListMyNotifications(int Take = 20, bool UnreadOnly = false, string? Type = null) : IQuery<MyNotifications>;

/// <summary>One bell line.</summary>
internal sealed record NotificationItem(Guid Id, string Type, string Title, string Body, string Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

/// <summary>
/// What the bell shows, and <see cref="NextAt"/>: when the next line already written becomes visible (a reminder's line is
/// written when the reminder is queued, up to a minute early, and shows at its due time), so the screen can look again then.
/// </summary>
internal sealed record MyNotifications(int UnreadCount, IReadOnlyList<NotificationItem> Items, DateTimeOffset? NextAt = null);

internal sealed class ListMyNotificationsHandler(IDbContextFactory<NotificationsDbContext> contexts, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<ListMyNotifications, MyNotifications>
{
    public async ValueTask<MyNotifications> Handle(ListMyNotifications query, CancellationToken cancellationToken)
    {
        if (!currentUser.IsAuthenticated)
        {
            throw new ForbiddenException("Sign in to see your notifications.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var all = db.InAppNotifications.Where(n => n.UserId == currentUser.Id);
        var mine = all.Where(n => n.CreatedAt <= now);
        var unread = await mine.CountAsync(n => n.ReadAt == null, cancellationToken);
        var listed = query.UnreadOnly ? mine.Where(n => n.ReadAt == null) : mine;
        if (!string.IsNullOrEmpty(query.Type))
        {
            listed = listed.Where(n => n.Type == query.Type);
        }

        var items = await listed
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Take(Math.Clamp(query.Take, 1, 200))
            .Select(n => new NotificationItem(n.Id, n.Type, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt))
            .ToListAsync(cancellationToken);
        var next = await all.Where(n => n.CreatedAt > now).MinAsync(n => (DateTimeOffset?)n.CreatedAt, cancellationToken);
        return new MyNotifications(unread, items, next);
    }
}
