using OobcCalendar.Modules.Notifications.Dispatching;
using OobcCalendar.Modules.Notifications.Messages.Sharing;
using OobcCalendar.Modules.Sharing.Contracts;
using OobcCalendar.Shared.IntegrationEvents;

namespace OobcCalendar.Modules.Notifications.IntegrationEventHandlers;

/// <summary>Tells a share link's owner it is about to expire, and that it has.</summary>
internal sealed class ShareLinkNotifications(EventNotifier notifier) :
    IIntegrationEventHandler<ShareExpiringIntegrationEvent>,
    IIntegrationEventHandler<ShareExpiredIntegrationEvent>
{
    internal const string Consumer = "notifications.sharing";

    public Task HandleAsync(ShareExpiringIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var model = new ShareLinkExpiryModel(integrationEvent.LinkId, integrationEvent.Label, integrationEvent.ExpiresAt, Expired: false);
        return notifier.NotifyAsync(integrationEvent, Consumer, [integrationEvent.OwnerId], model, DedupeKey.For(integrationEvent.LinkId, "expiring"), cancellationToken);
    }

    public Task HandleAsync(ShareExpiredIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var model = new ShareLinkExpiryModel(integrationEvent.LinkId, integrationEvent.Label, integrationEvent.ExpiredAt, Expired: true);
        return notifier.NotifyAsync(integrationEvent, Consumer, [integrationEvent.OwnerId], model, DedupeKey.For(integrationEvent.LinkId, "expired"), cancellationToken);
    }
}
