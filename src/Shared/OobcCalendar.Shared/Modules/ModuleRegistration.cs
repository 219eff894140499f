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
}
