using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Modules.Notifications.Contracts;
using OobcCalendar.Modules.Notifications.Persistence;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.Persistence;

namespace OobcCalendar.Modules.Notifications;

/// <summary>Registers the Notifications module with the host.</summary>
public static class NotificationsModule
{
    /// <summary>Adds the module's persistence, handlers, jobs, pages and navigation.</summary>
    public static IServiceCollection AddNotificationsModule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddModuleDbContext<NotificationsDbContext>(NotificationsDbContext.SchemaName);
        services.AddSingleton(new ModuleDefinition(NotificationsModuleContract.Name, typeof(NotificationsModule).Assembly, Navigation));
        return services;
    }

    private static IReadOnlyList<NavItem> Navigation => [];
}
