using Xunit;

namespace OobcCalendar.Shared.Tests.Support;

/// <summary>Tests that start child processes run one class at a time (the machine has two cores).</summary>
[CollectionDefinition(Name)]
public sealed class ChildProcessCollection
{
    public const string Name = "Child processes";
}
