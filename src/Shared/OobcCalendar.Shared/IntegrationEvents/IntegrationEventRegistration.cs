using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OobcCalendar.Shared.IntegrationEvents;

/// <summary>Registers integration event types and their consumers explicitly (no assembly scanning).</summary>
public static class IntegrationEventRegistration
{
    /// <summary>Declares an event type a module publishes, so its outbox rows can be read back.</summary>
    public static IServiceCollection AddIntegrationEvent<TEvent>(this IServiceCollection services)
        where TEvent : IIntegrationEvent
    {
        EventTypes(services).Register(typeof(TEvent));
        return services;
    }

    /// <summary>Subscribes <typeparamref name="THandler"/> to <typeparamref name="TEvent"/>.</summary>
    public static IServiceCollection AddIntegrationEventHandler<TEvent, THandler>(this IServiceCollection services)
        where TEvent : IIntegrationEvent
        where THandler : class, IIntegrationEventHandler<TEvent>
    {
        EventTypes(services).Register(typeof(TEvent));
        services.AddScoped<IIntegrationEventHandler<TEvent>, THandler>();
        return services;
    }

    private static IntegrationEventTypes EventTypes(IServiceCollection services)
    {
        var existing = services.FirstOrDefault(d => d.ServiceType == typeof(IntegrationEventTypes));
        if (existing?.ImplementationInstance is IntegrationEventTypes types)
        {
            return types;
        }

        types = new IntegrationEventTypes();
        services.TryAddSingleton(types);
        return types;
    }
}
