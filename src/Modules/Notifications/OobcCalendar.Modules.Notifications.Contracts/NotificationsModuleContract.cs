using OobcCalendar.Shared.Modules;

[assembly: ModuleContracts(OobcCalendar.Modules.Notifications.Contracts.NotificationsModuleContract.Name)]

namespace OobcCalendar.Modules.Notifications.Contracts;

/// <summary>Names other modules and the host use to refer to the Notifications module.</summary>
public static class NotificationsModuleContract
{
    /// <summary>Module name: configuration key (<c>Modules:Notifications:Enabled</c>) and PostgreSQL schema.</summary>
    public const string Name = "Notifications";

    /// <summary>Route prefix of the module's pages.</summary>
    public const string RoutePrefix = "/notifications";
}
