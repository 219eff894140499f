using OobcCalendar.Shared.Modules;

[assembly: ModuleContracts(OobcCalendar.Modules.Leave.Contracts.LeaveModuleContract.Name)]

namespace OobcCalendar.Modules.Leave.Contracts;

/// <summary>Names other modules and the host use to refer to the Leave module.</summary>
public static class LeaveModuleContract
{
    /// <summary>Module name: configuration key (<c>Modules:Leave:Enabled</c>) and PostgreSQL schema.</summary>
    public const string Name = "Leave";

    /// <summary>Route prefix of the module's pages.</summary>
    public const string RoutePrefix = "/leave";
}
