using Microsoft.Extensions.DependencyInjection;

namespace OobcCalendar.Testing;

/// <summary>Who an in-process call (mediator, scope) and an HTTP request act as.</summary>
public enum TestIdentity
{
    /// <summary>Everything acts as <see cref="ModuleFixture.User"/>, HTTP requests included.</summary>
    TestUserEverywhere,

    /// <summary>Mediator calls act as <see cref="ModuleFixture.User"/>; HTTP requests as whoever the sign-in cookie says.</summary>
    TestUserOutsideRequests,

    /// <summary>The host's own user everywhere: only signed-in HTTP clients have an identity.</summary>
    HostUser,
}

/// <summary>How a <see cref="ModuleFixture"/> builds its host.</summary>
/// <param name="DatabasePrefix">Prefix of the fresh database's name (shows which fixture left it behind).</param>
/// <param name="Modules">The modules switched on; every other module gets <c>Modules:&lt;Name&gt;:Enabled=false</c>. Null: all.</param>
public sealed record ModuleFixtureOptions(string DatabasePrefix, IReadOnlyCollection<string>? Modules = null)
{
    /// <summary>When set, the host's <see cref="TimeProvider"/> is a <c>FakeTimeProvider</c> frozen at this instant.</summary>
    public DateTimeOffset? FrozenAt { get; init; }

    /// <summary>Who calls act as (default: the test user everywhere).</summary>
    public TestIdentity Identity { get; init; } = TestIdentity.TestUserEverywhere;

    /// <summary>Quartz off by default: tests run jobs themselves, and a scheduler per test host only adds load.</summary>
    public bool Scheduler { get; init; }

    /// <summary>Extra configuration (wins over the fixture's own).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Serve on a real Kestrel port (<see cref="ModuleFixture.ServerAddress"/>) for clients outside the process.</summary>
    public bool Kestrel { get; init; }

    /// <summary>Extra service overrides, applied after the fixture's.</summary>
    public Action<IServiceCollection>? Services { get; init; }
}
