using Mediator;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Testing;

/// <summary>
/// The real host on a fresh database of its own, with only the modules a test needs switched on, the demo
/// users seeded, and (when asked) a frozen clock. Module fixtures are thin subclasses that pick the modules
/// and name the users they use; tests act as a user through <see cref="SendAs{T}"/>, <see cref="ScopeAs"/>
/// or a signed-in HTTP client.
/// </summary>
public class ModuleFixture(ModuleFixtureOptions options) : IAsyncLifetime
{
    /// <summary>The password of every seeded demo user.</summary>
    public const string DemoPassword = "Oobc!Demo2026"; // the host's DemoData.Password (internal to the host)

    private IReadOnlyList<DirectoryUser> demoUsers = [];

    /// <summary>How this fixture's host was built.</summary>
    public ModuleFixtureOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>The host's clock when <see cref="ModuleFixtureOptions.FrozenAt"/> is set; otherwise a fake clock the host does not use.</summary>
    public FakeTimeProvider Clock { get; } = new((options?.FrozenAt ?? DateTimeOffset.UnixEpoch).ToUniversalTime());

    /// <summary>The identity in-process calls act as (see <see cref="ModuleFixtureOptions.Identity"/>).</summary>
    public TestCurrentUser User { get; } = new();

    /// <summary>The host.</summary>
    public OobcAppFactory App { get; private set; } = default!;

    /// <summary>The fresh database's connection string.</summary>
    public string ConnectionString => App.ConnectionString;

    /// <summary>http://127.0.0.1:PORT when <see cref="ModuleFixtureOptions.Kestrel"/> is on, else null.</summary>
    public Uri? ServerAddress => App.ServerAddress;

    /// <summary>Every seeded demo user (with their roles and unit).</summary>
    public IReadOnlyList<DirectoryUser> DemoUsers => demoUsers;

    /// <inheritdoc />
    public virtual async Task InitializeAsync()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync(Options.DatabasePrefix);
        var allOn = ModuleNames.All.All(m => Options.Modules is null || Options.Modules.Contains(m));
        App = new OobcAppFactory(connectionString, Settings(), ConfigureServices, useKestrel: Options.Kestrel, validateOnBuild: allOn);
        App.Start();
        demoUsers = await App.Services.GetRequiredService<IUserDirectory>().SearchAsync("oobc.gov.ph", 50, CancellationToken.None);
    }

    /// <inheritdoc />
    public virtual async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }

    /// <summary>The demo user with this e-mail address.</summary>
    public DirectoryUser DemoUser(string email) =>
        demoUsers.SingleOrDefault(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidOperationException($"No demo user {email}; the seed has {string.Join(", ", demoUsers.Select(u => u.Email))}.");

    /// <summary>Sends a command or query as <paramref name="user"/> with their real roles.</summary>
    public async Task<T> SendAs<T>(DirectoryUser user, IMessage message)
    {
        await using var scope = ScopeAs(user);
        var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(message);
        return (T)result!;
    }

    /// <summary>
    /// A DI scope in which the test user is <paramref name="user"/> (for this async flow only, so parallel
    /// calls in one test each act as themselves). Dispose it when done.
    /// </summary>
    public AsyncServiceScope ScopeAs(DirectoryUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        User.ActAs(user.Id, [.. user.Roles]);
        return App.Services.CreateAsyncScope();
    }

    /// <summary>Runs a scope's service (e.g. a DbContext factory) outside the mediator.</summary>
    public async Task<T> WithServiceAsync<TService, T>(Func<TService, Task<T>> use)
        where TService : notnull
    {
        ArgumentNullException.ThrowIfNull(use);
        await using var scope = App.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>A client that keeps cookies, not signed in; it shows redirects unless told to follow them.</summary>
    public HttpClient Anonymous(bool followRedirects = false) =>
        App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects, HandleCookies = true });

    /// <summary>A client holding <paramref name="email"/>'s sign-in cookie, got through the real sign-in form.</summary>
    public async Task<HttpClient> SignedInClientAsync(string email, bool followRedirects = false)
    {
        var client = Anonymous(followRedirects);
        await client.SignInAsync(email, DemoPassword);
        return client;
    }

    /// <summary>A client holding <paramref name="user"/>'s sign-in cookie.</summary>
    public Task<HttpClient> SignedInClientAsync(DirectoryUser user, bool followRedirects = false) =>
        SignedInClientAsync((user ?? throw new ArgumentNullException(nameof(user))).Email, followRedirects);

    private Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Scheduler:Enabled"] = Options.Scheduler ? "true" : "false",
            ["Seed:Demo"] = "true",
        };
        var enabled = Options.Modules ?? ModuleNames.All;
        var unknown = enabled.Except(ModuleNames.All, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown module(s) {string.Join(", ", unknown)}; the host has {string.Join(", ", ModuleNames.All)}.", nameof(options));
        }

        foreach (var module in ModuleNames.All.Except(enabled, StringComparer.Ordinal))
        {
            settings[$"Modules:{module}:Enabled"] = "false";
        }

        foreach (var (key, value) in Options.Settings)
        {
            settings[key] = value;
        }

        return settings;
    }

    private void ConfigureServices(IServiceCollection services)
    {
        if (Options.FrozenAt is not null)
        {
            services.AddSingleton<TimeProvider>(Clock);
        }

        switch (Options.Identity)
        {
            case TestIdentity.TestUserEverywhere:
                services.AddScoped<ICurrentUser>(_ => User);
                break;
            case TestIdentity.TestUserOutsideRequests:
                services.AddTestUserOutsideRequests(User);
                break;
            case TestIdentity.HostUser:
                break;
        }

        Options.Services?.Invoke(services);
    }
}
