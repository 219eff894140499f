using OobcCalendar.Modules.Notifications.Contracts;
using OobcCalendar.Modules.Notifications.Tests.Features;
using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Testing;

namespace OobcCalendar.Modules.Notifications.Tests.Invitations;

/// <summary>Notifications with Scheduling on: events are created, changed and cancelled through Scheduling's commands, and its facts reach Notifications through the outbox.</summary>
public sealed class InvitationFixture() : NotificationsFixture(new SmtpServerFixture(), [NotificationsModuleContract.Name, SchedulingModuleContract.Name]);

[CollectionDefinition(Name)]
public sealed class InvitationCollection : ICollectionFixture<InvitationFixture>
{
    public const string Name = "notifications-invitations";
}
