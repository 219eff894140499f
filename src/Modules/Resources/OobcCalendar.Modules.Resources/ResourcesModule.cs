using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Modules.Resources.Persistence;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.Persistence;

namespace OobcCalendar.Modules.Resources;

/// <summary>Registers the Resources module with the host.</summary>
public static class ResourcesModule
{
    /// <summary>Adds the module's persistence, handlers, jobs, pages and navigation.</summary>
    public static IServiceCollection AddResourcesModule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddModuleDbContext<ResourcesDbContext>(ResourcesDbContext.SchemaName);
        services.AddSingleton(new ModuleDefinition(ResourcesModuleContract.Name, typeof(ResourcesModule).Assembly, Navigation));
        return services;
    }

    private static IReadOnlyList<NavItem> Navigation => [];
}
