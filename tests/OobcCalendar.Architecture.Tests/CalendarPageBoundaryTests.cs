using OobcCalendar.Testing;
using Shouldly;

namespace OobcCalendar.Architecture.Tests;

/// <summary>The combined calendar shows whatever feeds the modules register; it must not reach into any module.</summary>
public sealed class CalendarPageBoundaryTests
{
    [Fact]
    public void HostCalendarPage_WhenRead_UsesNoModuleNamespace()
    {
        var folder = Path.Combine(RepositoryRoot.Path, "src", "Host", "OobcCalendar.Host", "Components", "Pages", "Calendar");

        var offenders = Directory.EnumerateFiles(folder)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("OobcCalendar.Modules.", StringComparison.Ordinal))
            .Select(Path.GetFileName)
            .ToList();

        Directory.EnumerateFiles(folder).ShouldNotBeEmpty();
        offenders.ShouldBeEmpty();
    }
}
