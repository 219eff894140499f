using OobcCalendar.Shared.Modules;

[assembly: ModuleContracts(OobcCalendar.Modules.Sharing.Contracts.SharingModuleContract.Name)]

namespace OobcCalendar.Modules.Sharing.Contracts;

/// <summary>Names other modules and the host use to refer to the Sharing module.</summary>
public static class SharingModuleContract
{
    /// <summary>Module name: configuration key (<c>Modules:Sharing:Enabled</c>) and PostgreSQL schema.</summary>
    public const string Name = "Sharing";

    /// <summary>Route prefix of the module's pages.</summary>
    public const string RoutePrefix = "/sharing";
}
