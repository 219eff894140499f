using OobcCalendar.Testing;
using Shouldly;

namespace OobcCalendar.Architecture.Tests;

/// <summary>Home shows whatever cards the modules register (ModuleDefinition.HomeSections); it must not reach into any module.</summary>
public sealed class HomePageBoundaryTests
{
    [Fact]
    public void HostHomePage_WhenRead_UsesNoModuleNamespace()
    {
        var folder = Path.Combine(RepositoryRoot.Path, "src", "Host", "OobcCalendar.Host", "Components", "Pages");
        var files = Directory.EnumerateFiles(folder, "Home.razor*").ToList();

        var offenders = files.Where(f => File.ReadAllText(f).Contains("OobcCalendar.Modules.", StringComparison.Ordinal)).Select(Path.GetFileName).ToList();

        files.ShouldContain(f => f.EndsWith("Home.razor", StringComparison.Ordinal));
        offenders.ShouldBeEmpty();
    }
}
