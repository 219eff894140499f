using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Shared.Users;
using OobcCalendar.Testing;

namespace OobcCalendar.Host.Tests;

/// <summary>One real host on its own fresh database for a test class; the acting user is set per test.</summary>
public sealed class HostFixture : IAsyncLifetime
{
    public TestCurrentUser User { get; } = new();

    public OobcAppFactory App { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("host");
        App = new OobcAppFactory(connectionString, services: s => s.AddScoped<ICurrentUser>(_ => User));
        App.Start();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
