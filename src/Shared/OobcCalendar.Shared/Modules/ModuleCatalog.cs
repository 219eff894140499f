using System.Reflection;

namespace OobcCalendar.Shared.Modules;

/// <summary>The modules switched on in this host, in registration order.</summary>
public sealed class ModuleCatalog(IEnumerable<ModuleDefinition> modules)
{
    /// <summary>Enabled modules.</summary>
    public IReadOnlyList<ModuleDefinition> Modules { get; } = modules.ToList();

    /// <summary>Assemblies whose pages join the router.</summary>
    public IReadOnlyList<Assembly> PageAssemblies => Modules.Select(m => m.Assembly).Distinct().ToList();

    /// <summary>Every navigation entry of every enabled module.</summary>
    public IEnumerable<NavItem> Navigation => Modules.SelectMany(m => m.Navigation);

    /// <summary>Every Home card of every enabled module, in their order (then registration order).</summary>
    public IEnumerable<HomeSection> HomeSections => Modules.SelectMany(m => m.HomeSections).OrderBy(s => s.Order);

    /// <summary>Every event-details extension of every enabled module, in their order (ADR 0029).</summary>
    public IEnumerable<EventDetailsExtension> EventDetailsExtensions => Modules.SelectMany(m => m.EventDetailsExtensions).OrderBy(e => e.Order);

    /// <summary>Every app-bar component of every enabled module, in registration order.</summary>
    public IEnumerable<Type> AppBarComponents => Modules.SelectMany(m => m.AppBarComponents);

    /// <summary>Whether the named module is enabled.</summary>
    public bool IsEnabled(string name) => Modules.Any(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
}
