namespace OobcCalendar.Testing;

/// <summary>The host's modules, by their configuration names (<c>Modules:&lt;Name&gt;:Enabled</c>).</summary>
public static class ModuleNames
{
    /// <summary>Every module the host registers; a module added to the host is added here (build/new-module.sh does it).</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "Scheduling",
        "Resources",
        "Leave",
        "Attendance",
        "Sharing",
        "Notifications",
        // new-module.sh: module names above this line
    ];
}
