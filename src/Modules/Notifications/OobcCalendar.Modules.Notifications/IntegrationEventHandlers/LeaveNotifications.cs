using OobcCalendar.Modules.Leave.Contracts;
using OobcCalendar.Modules.Notifications.Dispatching;
using OobcCalendar.Modules.Notifications.Messages.Leave;
using OobcCalendar.Shared.IntegrationEvents;

namespace OobcCalendar.Modules.Notifications.IntegrationEventHandlers;

/// <summary>
/// Tells whoever may decide a leave request (the manager, a substitute approver or Admin: Leave names them in
/// <c>ApproverIds</c>) that it waits, and the person the final decision.
/// </summary>
internal sealed class LeaveNotifications(EventNotifier notifier) :
    IIntegrationEventHandler<LeaveRequestedIntegrationEvent>,
    IIntegrationEventHandler<LeaveApprovedIntegrationEvent>,
    IIntegrationEventHandler<LeaveRejectedIntegrationEvent>
{
    internal const string Consumer = "notifications.leave";

    public async Task HandleAsync(LeaveRequestedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var names = await notifier.NamesAsync([integrationEvent.PersonId], cancellationToken);
        var model = new LeaveRequestedModel(
            integrationEvent.RequestId, names(integrationEvent.PersonId), integrationEvent.LeaveTypeName, integrationEvent.FirstDay, integrationEvent.LastDay, integrationEvent.Days, integrationEvent.Reason);
        var approvers = integrationEvent.ApproverIds.Where(id => id != integrationEvent.PersonId);
        await notifier.NotifyAsync(integrationEvent, Consumer, approvers, model, DedupeKey.For(integrationEvent.RequestId, "requested"), cancellationToken);
    }

    public async Task HandleAsync(LeaveApprovedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var names = await notifier.NamesAsync([integrationEvent.ApprovedBy], cancellationToken);
        var model = new LeaveDecidedModel(
            integrationEvent.RequestId, integrationEvent.LeaveTypeName, true, names(integrationEvent.ApprovedBy), integrationEvent.FirstDay, integrationEvent.LastDay, integrationEvent.Days, null);
        await notifier.NotifyAsync(integrationEvent, Consumer, [integrationEvent.PersonId], model, DedupeKey.For(integrationEvent.RequestId, "decided"), cancellationToken);
    }

    public async Task HandleAsync(LeaveRejectedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var names = await notifier.NamesAsync([integrationEvent.RejectedBy], cancellationToken);
        var model = new LeaveDecidedModel(
            integrationEvent.RequestId, integrationEvent.LeaveTypeName, false, names(integrationEvent.RejectedBy), integrationEvent.FirstDay, integrationEvent.LastDay, integrationEvent.Days, integrationEvent.DecisionReason);
        await notifier.NotifyAsync(integrationEvent, Consumer, [integrationEvent.PersonId], model, DedupeKey.For(integrationEvent.RequestId, "decided"), cancellationToken);
    }
}
