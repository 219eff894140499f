using System.Collections.Concurrent;

namespace OobcCalendar.Shared.IntegrationEvents;

/// <summary>
/// Maps the type names stored in outbox rows back to CLR types. Names, not assembly-qualified names,
/// so a version bump of a Contracts assembly does not orphan stored messages.
/// </summary>
public sealed class IntegrationEventTypes
{
    private readonly ConcurrentDictionary<string, Type> byName = new(StringComparer.Ordinal);

    /// <summary>The stored name of an event type.</summary>
    public static string NameOf(Type type) => type.FullName ?? type.Name;

    /// <summary>Makes <paramref name="type"/> resolvable by its stored name.</summary>
    public void Register(Type type) => byName[NameOf(type)] = type;

    /// <summary>Finds the type stored under <paramref name="name"/>, if registered.</summary>
    public Type? Resolve(string name) => byName.GetValueOrDefault(name);
}
