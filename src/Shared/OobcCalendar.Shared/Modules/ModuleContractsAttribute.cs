namespace OobcCalendar.Shared.Modules;

/// <summary>
/// Marks an assembly as the public contract of the module named <see cref="ModuleName"/> (its integration events,
/// public queries and topics). Besides saying so, it makes the assembly reference Shared, and through it
/// Mediator.Abstractions: the mediator's source generator refuses to scan an assembly that does not (MSG0007), and
/// every Contracts assembly is listed in <c>AddMediator</c> from the start, before it holds its first query.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class ModuleContractsAttribute(string moduleName) : Attribute
{
    /// <summary>The module's name, its <c>&lt;Name&gt;ModuleContract.Name</c>.</summary>
    public string ModuleName { get; } = moduleName;
}
