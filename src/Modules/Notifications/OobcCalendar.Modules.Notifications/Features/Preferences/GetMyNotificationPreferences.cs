using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Notifications.Dispatching;
using OobcCalendar.Modules.Notifications.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Notifications.Features.Preferences;

/// <summary>The signed-in person's choices (the defaults when they never saved any).</summary>
internal sealed record GetMyNotificationPreferences : IQuery<NotificationPreferencesDto>;

internal sealed class GetMyNotificationPreferencesHandler(
    IDbContextFactory<NotificationsDbContext> contexts, ICurrentUser currentUser, IUserDirectory directory) : IQueryHandler<GetMyNotificationPreferences, NotificationPreferencesDto>
{
    public async ValueTask<NotificationPreferencesDto> Handle(GetMyNotificationPreferences query, CancellationToken cancellationToken)
    {
        if (!currentUser.IsAuthenticated)
        {
            throw new ForbiddenException("Sign in to see your notification preferences.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var p = await NotificationDispatcher.PreferencesAsync(db, currentUser.Id, cancellationToken);
        var user = await directory.FindAsync(currentUser.Id, cancellationToken);
        return new NotificationPreferencesDto(
            p.ReminderOffsets, p.EmailOff, p.InAppOff, p.QuietStart, p.QuietEnd, p.DailyDigest, p.DailyDigestAt, p.WeeklyDigest, p.TimeZoneId,
            p.Zone(user?.TimeZoneId).Id);
    }
}
