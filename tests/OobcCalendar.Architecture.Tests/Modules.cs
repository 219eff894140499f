using System.Reflection;
using System.Xml.Linq;
using OobcCalendar.Modules.Attendance.Contracts;
using OobcCalendar.Modules.Leave.Contracts;
using OobcCalendar.Modules.Notifications.Contracts;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Modules.Sharing.Contracts;
using OobcCalendar.Testing;

namespace OobcCalendar.Architecture.Tests;

/// <summary>The modules as the architecture rules see them: their projects and loaded assemblies.</summary>
internal static class Modules
{
    public static readonly string[] Names =
    [
        SchedulingModuleContract.Name, ResourcesModuleContract.Name, LeaveModuleContract.Name,
        AttendanceModuleContract.Name, SharingModuleContract.Name, NotificationsModuleContract.Name,
    ];

    public static Assembly Implementation(string name) => Assembly.Load($"OobcCalendar.Modules.{name}");

    public static Assembly Contracts(string name) => Assembly.Load($"OobcCalendar.Modules.{name}.Contracts");

    public static string ProjectFile(string name, bool contracts = false)
    {
        var project = contracts ? $"OobcCalendar.Modules.{name}.Contracts" : $"OobcCalendar.Modules.{name}";
        return Path.Combine(RepositoryRoot.Path, "src", "Modules", name, project, project + ".csproj");
    }

    /// <summary>File names of the projects a project file references.</summary>
    public static IReadOnlyList<string> ProjectReferences(string projectFile) =>
        XDocument.Load(projectFile).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();

    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var name in Names)
        {
            data.Add(name);
        }

        return data;
    }
}
