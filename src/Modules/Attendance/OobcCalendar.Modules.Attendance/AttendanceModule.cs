using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Modules.Attendance.Contracts;
using OobcCalendar.Modules.Attendance.Persistence;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.Persistence;

namespace OobcCalendar.Modules.Attendance;

/// <summary>Registers the Attendance module with the host.</summary>
public static class AttendanceModule
{
    /// <summary>Adds the module's persistence, handlers, jobs, pages and navigation.</summary>
    public static IServiceCollection AddAttendanceModule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddModuleDbContext<AttendanceDbContext>(AttendanceDbContext.SchemaName);
        services.AddSingleton(new ModuleDefinition(AttendanceModuleContract.Name, typeof(AttendanceModule).Assembly, Navigation));
        return services;
    }

    private static IReadOnlyList<NavItem> Navigation => [];
}
