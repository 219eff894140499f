using Microsoft.Extensions.Logging;
using Npgsql;

namespace OobcCalendar.Shared.Persistence;

/// <summary>Applies every registered schema's migrations at start-up, one host at a time.</summary>
public sealed class DatabaseMigrator(
    IEnumerable<IModuleDatabase> databases,
    NpgsqlDataSource dataSource,
    IServiceProvider services,
    ILogger<DatabaseMigrator> logger)
{
    // Any fixed number: several hosts starting together must not migrate concurrently.
    private const long MigrationLockKey = 0x0_0BC_CA1E;

    /// <summary>Migrates all schemas under a PostgreSQL advisory lock.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLockKey})", connection))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            await using (var quartzSchema = new NpgsqlCommand("CREATE SCHEMA IF NOT EXISTS quartz", connection))
            {
                await quartzSchema.ExecuteNonQueryAsync(cancellationToken);
            }

            foreach (var database in databases)
            {
                logger.LogInformation("Migrating schema {Schema}", database.Schema);
                await database.MigrateAsync(services, cancellationToken);
            }
        }
        finally
        {
            await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLockKey})", connection);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
