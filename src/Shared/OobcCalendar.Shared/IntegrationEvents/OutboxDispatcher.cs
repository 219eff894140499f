using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using OobcCalendar.Shared.Persistence;

namespace OobcCalendar.Shared.IntegrationEvents;

/// <summary>
/// Delivers committed outbox rows of every module to their consumers. Rows are claimed with
/// FOR UPDATE SKIP LOCKED, so several hosts share the work and a row is never delivered by two at once;
/// a row is marked done only after every consumer succeeded, and a process killed mid-delivery leaves
/// it unclaimed for the next round (consumers de-duplicate through their inbox).
/// </summary>
internal sealed class OutboxDispatcher(
    IEnumerable<IModuleDatabase> databases,
    NpgsqlDataSource dataSource,
    IServiceScopeFactory scopeFactory,
    IntegrationEventTypes eventTypes,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider timeProvider,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly string[] schemas = databases.Where(d => d.HasOutbox).Select(d => d.Schema).ToArray();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        IReadOnlyCollection<string> due = schemas;
        while (!stoppingToken.IsCancellationRequested)
        {
            var full = new List<string>();
            foreach (var schema in due)
            {
                try
                {
                    if (await DispatchBatchAsync(schema, stoppingToken) == options.Value.BatchSize)
                    {
                        full.Add(schema);
                    }
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
#pragma warning disable CA1031 // The database may be briefly away; the next round tries again.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    logger.LogWarning(ex, "Outbox round for {Schema} failed", schema);
                }
            }

            if (full.Count > 0)
            {
                // More waiting where a batch came back full; nothing to wait for.
                due = full;
                continue;
            }

            try
            {
                var woken = await signal.WaitAsync(options.Value.PollInterval, options.Value.WakeGather, stoppingToken);
                due = woken is null ? schemas : schemas.Where(woken.Contains).ToList();
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Claims and delivers one batch from <paramref name="schema"/>; returns how many rows it claimed.</summary>
    internal async Task<int> DispatchBatchAsync(string schema, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var claimed = new List<(Guid Id, string Type, string Payload, int Attempts)>();
        await using (var select = new NpgsqlCommand(
            $"""
            SELECT id, type, payload::text, attempts FROM "{schema}".outbox_messages
            WHERE processed_at IS NULL AND dead_lettered_at IS NULL AND next_attempt_at <= @now
            ORDER BY occurred_at, id LIMIT @batch FOR UPDATE SKIP LOCKED
            """,
            connection,
            transaction))
        {
            select.Parameters.AddWithValue("now", now);
            select.Parameters.AddWithValue("batch", options.Value.BatchSize);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                claimed.Add((reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3)));
            }
        }

        var delivered = new List<Guid>(claimed.Count);
        foreach (var message in claimed)
        {
            try
            {
                await DeliverAsync(message.Type, message.Payload, cancellationToken);
                delivered.Add(message.Id);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // A consumer's failure is recorded on the row, never thrown past it.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "Delivery of outbox message {Id} ({Type}) failed, attempt {Attempt}", message.Id, message.Type, message.Attempts + 1);
                await RecordFailureAsync(connection, transaction, schema, message.Id, message.Attempts + 1, ex.ToString(), cancellationToken);
            }
        }

        // One statement for the whole batch: under load the dispatcher otherwise costs as much as the writers.
        await MarkProcessedAsync(connection, transaction, schema, delivered, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return claimed.Count;
    }

    private async Task DeliverAsync(string typeName, string payload, CancellationToken cancellationToken)
    {
        var type = eventTypes.Resolve(typeName)
            ?? throw new InvalidOperationException($"Unknown integration event type '{typeName}'. Is its module registered?");
        var integrationEvent = (IIntegrationEvent)(JsonSerializer.Deserialize(payload, type, OutboxMessage.Json)
            ?? throw new InvalidOperationException($"Outbox payload of '{typeName}' is empty."));
        await Deliverers.GetOrAdd(type, CreateDeliverer)(scopeFactory, integrationEvent, cancellationToken);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Func<IServiceScopeFactory, IIntegrationEvent, CancellationToken, Task>> Deliverers = new();

    private static Func<IServiceScopeFactory, IIntegrationEvent, CancellationToken, Task> CreateDeliverer(Type type) =>
        typeof(OutboxDispatcher).GetMethod(nameof(DeliverTypedAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(type)
            .CreateDelegate<Func<IServiceScopeFactory, IIntegrationEvent, CancellationToken, Task>>();

    private static async Task DeliverTypedAsync<TEvent>(IServiceScopeFactory scopeFactory, IIntegrationEvent delivered, CancellationToken cancellationToken)
        where TEvent : IIntegrationEvent
    {
        var integrationEvent = (TEvent)delivered;
        // Every consumer is tried even when one fails; on retry those already done skip via their inbox.
        List<Exception>? failures = null;
        await using var scope = scopeFactory.CreateAsyncScope();
        foreach (var handler in scope.ServiceProvider.GetServices<IIntegrationEventHandler<TEvent>>())
        {
            try
            {
                await handler.HandleAsync(integrationEvent, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                (failures ??= []).Add(ex);
            }
        }

        if (failures is not null)
        {
            throw new AggregateException($"{failures.Count} consumer(s) of {typeof(TEvent).Name} failed.", failures);
        }
    }

    private async Task MarkProcessedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, List<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        await using var update = new NpgsqlCommand(
            $"UPDATE \"{schema}\".outbox_messages SET processed_at = @now, attempts = attempts + 1, last_error = NULL WHERE id = ANY(@ids)",
            connection,
            transaction);
        update.Parameters.AddWithValue("now", timeProvider.GetUtcNow());
        update.Parameters.AddWithValue("ids", ids.ToArray());
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task RecordFailureAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string schema,
        Guid id,
        int attempts,
        string error,
        CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var deadLetter = attempts >= options.Value.MaxAttempts;
        await using var update = new NpgsqlCommand(
            $"""
            UPDATE "{schema}".outbox_messages
            SET attempts = @attempts, last_error = @error, next_attempt_at = @next, dead_lettered_at = @dead
            WHERE id = @id
            """,
            connection,
            transaction);
        update.Parameters.AddWithValue("id", id);
        update.Parameters.AddWithValue("attempts", attempts);
        update.Parameters.AddWithValue("error", error.Length > 4000 ? error[..4000] : error);
        update.Parameters.AddWithValue("next", now + options.Value.RetryDelay(attempts, Random.Shared.NextDouble()));
        update.Parameters.Add(new NpgsqlParameter("dead", NpgsqlTypes.NpgsqlDbType.TimestampTz) { Value = deadLetter ? now : DBNull.Value });
        if (deadLetter)
        {
            logger.LogError("Outbox message {Id} dead-lettered after {Attempts} attempts", id, attempts);
        }

        await update.ExecuteNonQueryAsync(cancellationToken);
    }
}
