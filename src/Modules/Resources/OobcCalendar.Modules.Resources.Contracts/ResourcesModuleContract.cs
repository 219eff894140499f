using OobcCalendar.Shared.Modules;

[assembly: ModuleContracts(OobcCalendar.Modules.Resources.Contracts.ResourcesModuleContract.Name)]

namespace OobcCalendar.Modules.Resources.Contracts;

/// <summary>Names other modules and the host use to refer to the Resources module.</summary>
public static class ResourcesModuleContract
{
    /// <summary>Module name: configuration key (<c>Modules:Resources:Enabled</c>) and PostgreSQL schema.</summary>
    public const string Name = "Resources";

    /// <summary>Route prefix of the module's pages.</summary>
    public const string RoutePrefix = "/resources";
}
