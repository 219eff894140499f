using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OobcCalendar.Modules.Leave.Contracts;
using OobcCalendar.Modules.Notifications.Contracts;
using OobcCalendar.Modules.Notifications.Delivery;
using OobcCalendar.Modules.Notifications.Dispatching;
using OobcCalendar.Modules.Notifications.Features.Digests;
using OobcCalendar.Modules.Notifications.Features.EventsReadModel;
using OobcCalendar.Modules.Notifications.Features.Preferences;
using OobcCalendar.Modules.Notifications.Features.Reminders;
using OobcCalendar.Modules.Notifications.Features.Retention;
using OobcCalendar.Modules.Notifications.IntegrationEventHandlers;
using OobcCalendar.Modules.Notifications.Messages.Bookings;
using OobcCalendar.Modules.Notifications.Messages.Digests;
using OobcCalendar.Modules.Notifications.Messages.Events;
using OobcCalendar.Modules.Notifications.Messages.Leave;
using OobcCalendar.Modules.Notifications.Messages.Rendering;
using OobcCalendar.Modules.Notifications.Messages.Sharing;
using OobcCalendar.Modules.Notifications.Persistence;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Modules.Sharing.Contracts;
using OobcCalendar.Shared.IntegrationEvents;
using OobcCalendar.Shared.Jobs;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Notifications;

/// <summary>Registers the Notifications module: preferences, message rows and their sender, in-app notifications, consumers.</summary>
public static class NotificationsModule
{
    /// <summary>Adds the module's persistence, message types, delivery, consumers, pages and navigation.</summary>
    public static IServiceCollection AddNotificationsModule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddModuleDbContext<NotificationsDbContext>(NotificationsDbContext.SchemaName);
        services.Configure<NotificationsOptions>(configuration.GetSection(NotificationsOptions.Section));

        // Message types: each one a Razor component + texts (Messages/<Area>/); list new ones here.
        services.AddSingleton<MessageType, BookingRequestedMessage>();
        services.AddSingleton<MessageType, BookingDecidedMessage>();
        services.AddSingleton<MessageType, LeaveRequestedMessage>();
        services.AddSingleton<MessageType, LeaveDecidedMessage>();
        services.AddSingleton<MessageType, ShareLinkExpiryMessage>();
        services.AddSingleton<MessageType, EventInvitationMessage>();
        services.AddSingleton<MessageType, EventUpdatedMessage>();
        services.AddSingleton<MessageType, EventCancelledMessage>();
        services.AddSingleton<MessageType, EventReminderMessage>();
        services.AddSingleton<MessageType, DailyDigestMessage>();
        services.AddSingleton<MessageType, WeeklyDigestMessage>();
        services.AddSingleton<MessageTypes>();
        services.AddSingleton<MessageRenderer>();
        services.AddSingleton<NotificationDispatcher>();
        services.AddScoped<EventNotifier>();

        // Mail leaves through SMTP when a host is configured, else into the pickup folder (development).
        services.AddSingleton<SmtpMailTransport>();
        services.AddSingleton<PickupFolderMailTransport>();
        services.AddSingleton<IMailTransport>(sp => string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<NotificationsOptions>>().Value.Smtp.Host)
            ? sp.GetRequiredService<PickupFolderMailTransport>()
            : sp.GetRequiredService<SmtpMailTransport>());
        services.AddSingleton<OutgoingMessageSender>();
        if (configuration.GetValue($"{NotificationsOptions.Section}:SenderEnabled", true))
        {
            services.AddHostedService(sp => sp.GetRequiredService<OutgoingMessageSender>());
        }

        services.AddSingleton<IValidator<SaveMyNotificationPreferences>, SaveMyNotificationPreferencesValidator>();

        services.AddIntegrationEventHandler<BookingRequestedIntegrationEvent, BookingNotifications>();
        services.AddIntegrationEventHandler<BookingApprovedIntegrationEvent, BookingNotifications>();
        services.AddIntegrationEventHandler<BookingRejectedIntegrationEvent, BookingNotifications>();
        services.AddIntegrationEventHandler<LeaveRequestedIntegrationEvent, LeaveNotifications>();
        services.AddIntegrationEventHandler<LeaveApprovedIntegrationEvent, LeaveNotifications>();
        services.AddIntegrationEventHandler<LeaveRejectedIntegrationEvent, LeaveNotifications>();
        services.AddIntegrationEventHandler<ShareExpiringIntegrationEvent, ShareLinkNotifications>();
        services.AddIntegrationEventHandler<ShareExpiredIntegrationEvent, ShareLinkNotifications>();

        // Scheduling's facts: the read model (which keeps the reminder table) and the messages, each its own inbox consumer.
        services.AddIntegrationEventHandler<EventScheduledIntegrationEvent, SchedulingEventsConsumer>();
        services.AddIntegrationEventHandler<EventRescheduledIntegrationEvent, SchedulingEventsConsumer>();
        services.AddIntegrationEventHandler<EventUpdatedIntegrationEvent, SchedulingEventsConsumer>();
        services.AddIntegrationEventHandler<EventCancelledIntegrationEvent, SchedulingEventsConsumer>();
        services.AddIntegrationEventHandler<ParticipantRespondedIntegrationEvent, SchedulingEventsConsumer>();
        services.AddIntegrationEventHandler<EventScheduledIntegrationEvent, EventNotifications>();
        services.AddIntegrationEventHandler<EventRescheduledIntegrationEvent, EventNotifications>();
        services.AddIntegrationEventHandler<EventUpdatedIntegrationEvent, EventNotifications>();
        services.AddIntegrationEventHandler<EventCancelledIntegrationEvent, EventNotifications>();

        // One clustered sweep sends every due reminder (never a trigger per reminder; ADR 0035).
        services.AddTransient<ReminderSweep>();
        services.AddRecurringJob<ReminderSweep>(ReminderSweep.Name, ReminderSweep.Cron, TimeZoneInfo.Utc);

        // Daily and weekly digests: one clustered sweep a minute decides in each person's zone (ADR 0036).
        services.AddTransient<DigestSweep>();
        services.AddRecurringJob<DigestSweep>(DigestSweep.Name, DigestSweep.Cron, TimeZoneInfo.Utc);

        // Old sent mail, read bell lines, past digest claims and reminder rows go once a day.
        services.AddTransient<NotificationsRetentionJob>();
        services.AddRecurringJob<NotificationsRetentionJob>(NotificationsRetentionJob.Name, NotificationsRetentionJob.Cron, OfficeTime.Zone(OfficeTime.DefaultTimeZoneId));

                services.AddSingleton(new ModuleDefinition(NotificationsModuleContract.Name, typeof(NotificationsModule).Assembly, Navigation)
        {
            // The bell is how people reach their notifications and preferences, so it needs no drawer line of its own.
            AppBarComponents = [typeof(UI.Components.NotificationBell)],
        });
        return services;
    }

    private static IReadOnlyList<NavItem> Navigation =>
    [
        new("Mail", "/notifications/mail", MudBlazor.Icons.Material.Outlined.Email, "Admin", [Roles.Admin], 50),
    ];
}
