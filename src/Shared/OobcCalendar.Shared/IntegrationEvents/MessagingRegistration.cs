using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OobcCalendar.Shared.LiveUpdates;

namespace OobcCalendar.Shared.IntegrationEvents;

/// <summary>Registers the outbox dispatcher, the notification listener and the live-update hub.</summary>
public static class MessagingRegistration
{
    /// <summary>
    /// Adds integration-event delivery and live updates. Set <c>Outbox:DispatcherEnabled</c> to false on a
    /// host that must not deliver (e.g. a read-only replica); delivery then happens on the others.
    /// </summary>
    public static IServiceCollection AddOobcMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OutboxOptions>(configuration.GetSection("Outbox"));
        services.TryAddSingleton(new IntegrationEventTypes());
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<OutboxAdministration>();
        services.TryAddSingleton<LiveUpdateHub>();
        services.TryAddSingleton<ILiveUpdates>(sp => sp.GetRequiredService<LiveUpdateHub>());
        services.TryAddSingleton<PostgresNotificationListener>();
        services.AddHostedService(sp => sp.GetRequiredService<PostgresNotificationListener>());
        if (configuration.GetValue("Outbox:DispatcherEnabled", defaultValue: true))
        {
            services.AddHostedService<OutboxDispatcher>();
        }

        return services;
    }
}
