using OobcCalendar.Testing;

namespace OobcCalendar.Host.Tests.Security;

/// <summary>One real host with real cookies (no test user override) on its own database, for a test class.</summary>
public sealed class SecurityHostFixture : IAsyncLifetime
{
    public OobcAppFactory App { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("security");
        App = new OobcAppFactory(connectionString);
        App.Start();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
