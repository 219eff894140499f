using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Modules.Scheduling.Persistence;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.Persistence;

namespace OobcCalendar.Modules.Scheduling;

/// <summary>Registers the Scheduling module with the host.</summary>
public static class SchedulingModule
{
    /// <summary>Adds the module's persistence, handlers, jobs, pages and navigation.</summary>
    public static IServiceCollection AddSchedulingModule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddModuleDbContext<SchedulingDbContext>(SchedulingDbContext.SchemaName);
        services.AddSingleton(new ModuleDefinition(SchedulingModuleContract.Name, typeof(SchedulingModule).Assembly, Navigation));
        return services;
    }

    private static IReadOnlyList<NavItem> Navigation => [];
}
