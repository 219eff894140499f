using Xunit;

namespace OobcCalendar.Shared.Tests.Support;

/// <summary>One migrated database and one in-process probe host for a test class.</summary>
public abstract class ProbeHostFixture(string prefix, IReadOnlyDictionary<string, string?> settings) : IAsyncLifetime
{
    private ProbeDatabase? database;
    private InProcessProbe? probe;

    public ProbeDatabase Database => database ?? throw new InvalidOperationException("Fixture not initialized.");

    public InProcessProbe Probe => probe ?? throw new InvalidOperationException("Fixture not initialized.");

    public async Task InitializeAsync()
    {
        database = await ProbeDatabase.CreateAsync(prefix);
        probe = await InProcessProbe.StartAsync(database.ConnectionString, settings);
    }

    public async Task DisposeAsync()
    {
        if (probe is not null)
        {
            await probe.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    /// <summary>Waits until the outbox row of <paramref name="eventId"/> is marked processed.</summary>
    public Task WaitUntilProcessedAsync(Guid eventId, TimeSpan? timeout = null) =>
        Eventually.UntilAsync(
            () => Database.IsProcessedAsync(eventId),
            timeout ?? TimeSpan.FromSeconds(10),
            $"outbox message {eventId} processed",
            async () => $"row: {await Database.OutboxRowAsync(eventId)}{Environment.NewLine}host log:{Environment.NewLine}{Probe.Log}");
}
