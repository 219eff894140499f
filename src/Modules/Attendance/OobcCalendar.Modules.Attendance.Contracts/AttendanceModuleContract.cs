using OobcCalendar.Shared.Modules;

[assembly: ModuleContracts(OobcCalendar.Modules.Attendance.Contracts.AttendanceModuleContract.Name)]

namespace OobcCalendar.Modules.Attendance.Contracts;

/// <summary>Names other modules and the host use to refer to the Attendance module.</summary>
public static class AttendanceModuleContract
{
    /// <summary>Module name: configuration key (<c>Modules:Attendance:Enabled</c>) and PostgreSQL schema.</summary>
    public const string Name = "Attendance";

    /// <summary>Route prefix of the module's pages.</summary>
    public const string RoutePrefix = "/attendance";
}
