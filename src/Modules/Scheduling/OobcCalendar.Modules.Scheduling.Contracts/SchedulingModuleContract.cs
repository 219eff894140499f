using OobcCalendar.Shared.Modules;

[assembly: ModuleContracts(OobcCalendar.Modules.Scheduling.Contracts.SchedulingModuleContract.Name)]

namespace OobcCalendar.Modules.Scheduling.Contracts;

/// <summary>Names other modules and the host use to refer to the Scheduling module.</summary>
public static class SchedulingModuleContract
{
    /// <summary>Module name: configuration key (<c>Modules:Scheduling:Enabled</c>) and PostgreSQL schema.</summary>
    public const string Name = "Scheduling";

    /// <summary>Route prefix of the module's pages.</summary>
    public const string RoutePrefix = "/scheduling";
}
