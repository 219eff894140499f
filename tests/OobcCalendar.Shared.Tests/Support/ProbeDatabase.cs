using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using OobcCalendar.Shared.Persistence;
using OobcCalendar.TestHost;
using OobcCalendar.Testing;

namespace OobcCalendar.Shared.Tests.Support;

/// <summary>A fresh database on the real test PostgreSQL with the probe schema migrated, plus the queries tests assert on.</summary>
public sealed class ProbeDatabase : IAsyncDisposable
{
    private ProbeDatabase(string connectionString)
    {
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>Creates the database and migrates it through the Shared <see cref="DatabaseMigrator"/>, as a host does at start-up.</summary>
    public static async Task<ProbeDatabase> CreateAsync(string prefix)
    {
        var database = new ProbeDatabase(await PostgresServer.CreateDatabaseAsync(prefix));
        await MigrateAsync(database.ConnectionString);
        return database;
    }

    /// <summary>Runs the probe host's start-up migration (probe schema, quartz schema) on <paramref name="connectionString"/>.</summary>
    public static async Task MigrateAsync(string connectionString)
    {
        var builder = ProbeProgram.CreateBuilder([], InProcessProbe.QuietSettings(connectionString));
        builder.Logging.ClearProviders();
        using var host = builder.Build();
        await ProbeProgram.PrepareDatabaseAsync(host.Services, CancellationToken.None);
    }

    /// <summary>A probe DbContext on this database, without any host.</summary>
    public ProbeDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<ProbeDbContext>();
        PersistenceRegistration.ConfigureNpgsql(options, DataSource, ProbeDbContext.SchemaName);
        return new ProbeDbContext(options.Options);
    }

    /// <summary>Publishes <paramref name="events"/> through the outbox in one committed transaction.</summary>
    public async Task PublishAsync(params ProbeHappened[] events)
    {
        await using var db = NewContext();
        foreach (var integrationEvent in events)
        {
            db.Publish(integrationEvent);
        }

        await db.SaveChangesAsync();
    }

    public async Task<long> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public Task<long> AppliedCountAsync(Guid eventId) =>
        ScalarAsync("SELECT count(*) FROM probe.applied WHERE event_id = @id", ("id", eventId));

    public async Task<OutboxRow?> OutboxRowAsync(Guid eventId)
    {
        await using var command = DataSource.CreateCommand(
            "SELECT attempts, occurred_at, next_attempt_at, processed_at, dead_lettered_at, last_error FROM probe.outbox_messages WHERE id = @id");
        command.Parameters.AddWithValue("id", eventId);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return null;
        }

        return new OutboxRow(
            reader.GetInt32(0),
            reader.GetFieldValue<DateTimeOffset>(1),
            reader.GetFieldValue<DateTimeOffset>(2),
            reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3),
            reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
            reader.IsDBNull(5) ? null : reader.GetString(5));
    }

    public async Task<bool> IsProcessedAsync(Guid eventId) => (await OutboxRowAsync(eventId))?.ProcessedAt is not null;

    /// <summary>Rows of <c>probe.applied</c> per event id.</summary>
    public async Task<Dictionary<Guid, int>> AppliedPerEventAsync()
    {
        var result = new Dictionary<Guid, int>();
        await using var command = DataSource.CreateCommand("SELECT event_id, count(*) FROM probe.applied GROUP BY event_id");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result[reader.GetGuid(0)] = (int)reader.GetInt64(1);
        }

        return result;
    }

    public async ValueTask DisposeAsync() => await DataSource.DisposeAsync();
}

public sealed record OutboxRow(
    int Attempts,
    DateTimeOffset OccurredAt,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset? ProcessedAt,
    DateTimeOffset? DeadLetteredAt,
    string? LastError);
