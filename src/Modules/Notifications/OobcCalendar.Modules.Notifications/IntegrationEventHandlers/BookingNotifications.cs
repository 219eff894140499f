using OobcCalendar.Modules.Notifications.Dispatching;
using OobcCalendar.Modules.Notifications.Messages.Bookings;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Shared.IntegrationEvents;

namespace OobcCalendar.Modules.Notifications.IntegrationEventHandlers;

/// <summary>
/// Tells a resource's approvers about a request that needs them, and the requester about the decision. A booking
/// confirmed at once (no approver, <c>DecidedBy</c> null) tells nobody: the requester saw it happen.
/// </summary>
internal sealed class BookingNotifications(EventNotifier notifier) :
    IIntegrationEventHandler<BookingRequestedIntegrationEvent>,
    IIntegrationEventHandler<BookingApprovedIntegrationEvent>,
    IIntegrationEventHandler<BookingRejectedIntegrationEvent>
{
    internal const string Consumer = "notifications.bookings";

    public async Task HandleAsync(BookingRequestedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        if (!integrationEvent.NeedsApproval || integrationEvent.ApproverIds.Count == 0)
        {
            return;
        }

        var names = await notifier.NamesAsync([integrationEvent.RequesterId], cancellationToken);
        var model = new BookingRequestedModel(
            integrationEvent.BookingId, integrationEvent.ResourceName, names(integrationEvent.RequesterId), integrationEvent.StartUtc, integrationEvent.EndUtc, integrationEvent.Purpose);
        // An approver asking for their own resource does not need telling.
        var approvers = integrationEvent.ApproverIds.Where(id => id != integrationEvent.RequesterId);
        await notifier.NotifyAsync(integrationEvent, Consumer, approvers, model, DedupeKey.For(integrationEvent.BookingId, "requested"), cancellationToken);
    }

    public async Task HandleAsync(BookingApprovedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        if (integrationEvent.DecidedBy is not { } decider || decider == integrationEvent.RequesterId)
        {
            return;
        }

        var names = await notifier.NamesAsync([decider], cancellationToken);
        var model = new BookingDecidedModel(
            integrationEvent.BookingId, integrationEvent.ResourceName, true, names(decider), integrationEvent.StartUtc, integrationEvent.EndUtc, null);
        await notifier.NotifyAsync(integrationEvent, Consumer, [integrationEvent.RequesterId], model, DedupeKey.For(integrationEvent.BookingId, "decided"), cancellationToken);
    }

    public async Task HandleAsync(BookingRejectedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var names = await notifier.NamesAsync([integrationEvent.DecidedBy], cancellationToken);
        var model = new BookingDecidedModel(
            integrationEvent.BookingId, integrationEvent.ResourceName, false, names(integrationEvent.DecidedBy), integrationEvent.StartUtc, integrationEvent.EndUtc, integrationEvent.Reason);
        await notifier.NotifyAsync(integrationEvent, Consumer, [integrationEvent.RequesterId], model, DedupeKey.For(integrationEvent.BookingId, "decided"), cancellationToken);
    }
}
