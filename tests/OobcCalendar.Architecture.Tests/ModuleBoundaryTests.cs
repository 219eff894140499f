using Shouldly;

namespace OobcCalendar.Architecture.Tests;

public sealed class ModuleBoundaryTests
{
    [Theory]
    [MemberData(nameof(Modules.All), MemberType = typeof(Modules))]
    public void ModuleProject_WhenBuilt_ReferencesOnlySharedAndContracts(string module)
    {
        var references = Modules.ProjectReferences(Modules.ProjectFile(module));

        references.ShouldAllBe(r => r == "OobcCalendar.Shared" || r.EndsWith(".Contracts", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Modules.All), MemberType = typeof(Modules))]
    public void ModuleAssembly_WhenLoaded_ReferencesNoOtherModuleImplementation(string module)
    {
        var forbidden = Modules.Names.Where(n => n != module).Select(n => $"OobcCalendar.Modules.{n}").ToHashSet();

        var referenced = Modules.Implementation(module).GetReferencedAssemblies().Select(a => a.Name!);

        referenced.ShouldNotContain(r => forbidden.Contains(r));
    }

    [Theory]
    [MemberData(nameof(Modules.All), MemberType = typeof(Modules))]
    public void ContractsProject_WhenBuilt_ReferencesOnlyShared(string module)
    {
        var references = Modules.ProjectReferences(Modules.ProjectFile(module, contracts: true));

        references.ShouldAllBe(r => r == "OobcCalendar.Shared");
    }

    [Fact]
    public void SharedAssembly_WhenLoaded_KnowsNoModule()
    {
        var referenced = typeof(OobcCalendar.Shared.Modules.ModuleCatalog).Assembly.GetReferencedAssemblies().Select(a => a.Name!);

        referenced.ShouldNotContain(r => r.StartsWith("OobcCalendar.Modules", StringComparison.Ordinal) || r == "OobcCalendar.Host");
    }
}
