using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace OobcCalendar.Shared.Modules;

/// <summary>Switches modules on or off from configuration (<c>Modules:&lt;Name&gt;:Enabled</c>, default on).</summary>
public static class ModuleRegistration
{
    /// <summary>
    /// Runs <paramref name="register"/> unless <c>Modules:{name}:Enabled</c> is false, so a test or a
    /// deployment can boot without a module. Returns whether the module was registered.
    /// </summary>
    public static bool AddModuleIfEnabled(
        this IServiceCollection services,
        IConfiguration configuration,
        string name,
        Action<IServiceCollection> register)
    {
        if (!configuration.GetValue($"Modules:{name}:Enabled", defaultValue: true))
        {
            return false;
        }

        register(services);
        return true;
    }

    /// <summary>
    /// Removes the services implemented in a module assembly among <paramref name="moduleAssemblies"/> that registered no
    /// <see cref="ModuleDefinition"/> (switched off). Mediator's source generator registers the handlers of every module
    /// it scanned, on or off; a switched-off module's handlers have no DbContext to run on, and would fail the
    /// container's validation at start-up. Call after every <see cref="AddModuleIfEnabled"/>.
    /// </summary>
    public static IServiceCollection RemoveServicesOfDisabledModules(this IServiceCollection services, params Assembly[] moduleAssemblies)
    {
        var enabled = services.Where(d => d.ServiceType == typeof(ModuleDefinition))
            .Select(d => (d.ImplementationInstance as ModuleDefinition)?.Assembly)
            .ToHashSet();
        var off = moduleAssemblies.Where(a => !enabled.Contains(a)).ToHashSet();
        foreach (var descriptor in services.Where(d => !d.IsKeyedService && d.ImplementationType is { } type && off.Contains(type.Assembly)).ToList())
        {
            services.Remove(descriptor);
        }

        return services;
    }
}
