using Npgsql;
using OobcCalendar.Shared.Persistence;

namespace OobcCalendar.Shared.IntegrationEvents;

/// <summary>A dead-lettered outbox message as the Admin page shows it.</summary>
public sealed record DeadLetter(string Schema, Guid Id, string Type, DateTimeOffset OccurredAt, int Attempts, DateTimeOffset DeadLetteredAt, string? LastError, string Payload);

/// <summary>Per-schema outbox counts for the Admin page.</summary>
public sealed record OutboxStatus(string Schema, int Pending, int Retrying, int DeadLettered, int Processed);

/// <summary>Reads dead letters across every module's outbox and puts them back in line.</summary>
public sealed class OutboxAdministration(IEnumerable<IModuleDatabase> databases, NpgsqlDataSource dataSource, OutboxSignal signal, TimeProvider timeProvider)
{
    private readonly string[] schemas = databases.Where(d => d.HasOutbox).Select(d => d.Schema).ToArray();

    /// <summary>Counts per schema.</summary>
    public async Task<IReadOnlyList<OutboxStatus>> StatusAsync(CancellationToken cancellationToken)
    {
        var result = new List<OutboxStatus>();
        foreach (var schema in schemas)
        {
            await using var command = dataSource.CreateCommand($"""
                SELECT count(*) FILTER (WHERE processed_at IS NULL AND dead_lettered_at IS NULL AND attempts = 0),
                       count(*) FILTER (WHERE processed_at IS NULL AND dead_lettered_at IS NULL AND attempts > 0),
                       count(*) FILTER (WHERE dead_lettered_at IS NOT NULL),
                       count(*) FILTER (WHERE processed_at IS NOT NULL)
                FROM "{schema}".outbox_messages
                """);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            result.Add(new OutboxStatus(schema, (int)reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2), (int)reader.GetInt64(3)));
        }

        return result;
    }

    /// <summary>Every dead letter, newest first.</summary>
    public async Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(CancellationToken cancellationToken)
    {
        var result = new List<DeadLetter>();
        foreach (var schema in schemas)
        {
            await using var command = dataSource.CreateCommand($"""
                SELECT id, type, occurred_at, attempts, dead_lettered_at, last_error, payload::text
                FROM "{schema}".outbox_messages WHERE dead_lettered_at IS NOT NULL
                ORDER BY dead_lettered_at DESC LIMIT 200
                """);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                result.Add(new DeadLetter(
                    schema,
                    reader.GetGuid(0),
                    reader.GetString(1),
                    reader.GetFieldValue<DateTimeOffset>(2),
                    reader.GetInt32(3),
                    reader.GetFieldValue<DateTimeOffset>(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5),
                    reader.GetString(6)));
            }
        }

        return result.OrderByDescending(d => d.DeadLetteredAt).ToList();
    }

    /// <summary>Puts a dead letter back in line for delivery with a fresh attempt count. False if it is not dead-lettered.</summary>
    public async Task<bool> RetryAsync(string schema, Guid id, CancellationToken cancellationToken)
    {
        if (!schemas.Contains(schema, StringComparer.Ordinal))
        {
            return false;
        }

        await using var command = dataSource.CreateCommand($"""
            UPDATE "{schema}".outbox_messages
            SET dead_lettered_at = NULL, attempts = 0, next_attempt_at = @now
            WHERE id = @id AND dead_lettered_at IS NOT NULL
            """);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("now", timeProvider.GetUtcNow());
        var updated = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        signal.Wake(schema);
        return updated;
    }
}
