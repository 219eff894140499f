using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Notifications.Contracts;
using OobcCalendar.Modules.Notifications.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Notifications.Features.InApp;

/// <summary>
/// Marks the signed-in person's lines read: those in <see cref="Ids"/>, or all of them when it is null. Others' lines, and
/// lines not shown yet (a reminder's before its due time), are never touched.
/// </summary>
internal sealed record MarkNotificationsRead(IReadOnlyList<Guid>? Ids) : ICommand<int>;

internal sealed class MarkNotificationsReadHandler(IDbContextFactory<NotificationsDbContext> contexts, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<MarkNotificationsRead, int>
{
    public async ValueTask<int> Handle(MarkNotificationsRead command, CancellationToken cancellationToken)
    {
        if (!currentUser.IsAuthenticated)
        {
            throw new ForbiddenException("Sign in to change your notifications.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var mine = db.InAppNotifications.Where(n => n.UserId == currentUser.Id && n.ReadAt == null && n.CreatedAt <= now);
        if (command.Ids is { } ids)
        {
            mine = mine.Where(n => ids.Contains(n.Id));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await mine.ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        if (changed > 0)
        {
            // The person's other tabs and devices update their count.
            db.NotifyLive(new LiveUpdate(NotificationsTopics.InApp, null, "read", [currentUser.Id]));
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return changed;
    }
}
