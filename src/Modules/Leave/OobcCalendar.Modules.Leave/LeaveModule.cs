using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Modules.Leave.Contracts;
using OobcCalendar.Modules.Leave.Persistence;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.Persistence;

namespace OobcCalendar.Modules.Leave;

/// <summary>Registers the Leave module with the host.</summary>
public static class LeaveModule
{
    /// <summary>Adds the module's persistence, handlers, jobs, pages and navigation.</summary>
    public static IServiceCollection AddLeaveModule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddModuleDbContext<LeaveDbContext>(LeaveDbContext.SchemaName);
        services.AddSingleton<LeaveReferenceData>();
        services.AddHostedService<LeaveReferenceDataSeeder>();
        services.AddSingleton(new ModuleDefinition(LeaveModuleContract.Name, typeof(LeaveModule).Assembly, Navigation));
        return services;
    }

    private static IReadOnlyList<NavItem> Navigation => [];
}
