using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OobcCalendar.Shared.IntegrationEvents;
using OobcCalendar.Shared.LiveUpdates;

namespace OobcCalendar.Shared.Persistence;

/// <summary>
/// Base of every module's DbContext: its own schema, its outbox and inbox tables, and the one place
/// where a state change, the integration events it raises and its live-update notices commit together.
/// Create one per unit of work (IDbContextFactory); never keep one for a circuit.
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options) : DbContext(options)
{
    private readonly List<LiveUpdate> pendingLiveUpdates = [];

    /// <summary>The module's PostgreSQL schema (lower case, also its migrations-history schema).</summary>
    public abstract string Schema { get; }

    /// <summary>Integration events waiting for, or done with, delivery.</summary>
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    /// <summary>Events this module's consumers have applied.</summary>
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    /// <summary>Queues an integration event; it is stored by the next SaveChanges, in its transaction.</summary>
    public void Publish(IIntegrationEvent integrationEvent)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        if (integrationEvent.OccurredAt == default)
        {
            throw new ArgumentException("Set OccurredAt from the TimeProvider before publishing.", nameof(integrationEvent));
        }

        OutboxMessages.Add(OutboxMessage.From(integrationEvent));
    }

    /// <summary>
    /// Queues a live-update notice. It is sent with PostgreSQL NOTIFY inside the SaveChanges transaction,
    /// so every host hears it if and only if the change commits.
    /// </summary>
    public void NotifyLive(LiveUpdate update) => pendingLiveUpdates.Add(update);

    /// <summary>
    /// Applies an integration event at most once for <paramref name="consumer"/>: records the event in the
    /// inbox and runs <paramref name="apply"/> and SaveChanges in one transaction; a repeat delivery is skipped.
    /// Returns false when the event had already been applied.
    /// </summary>
    public async Task<bool> RunOnceAsync(Guid eventId, string consumer, Func<CancellationToken, Task> apply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(apply);
        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        // The unique key makes a concurrent duplicate wait for the first delivery, then do nothing.
#pragma warning disable EF1002 // Schema is a compile-time constant of the module, not input.
        var inserted = await Database.ExecuteSqlRawAsync(
            $"INSERT INTO \"{Schema}\".inbox_messages (event_id, consumer, processed_at) VALUES ({{0}}, {{1}}, now()) ON CONFLICT DO NOTHING",
            [eventId, consumer],
            cancellationToken);
#pragma warning restore EF1002
        if (inserted == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await apply(cancellationToken);
        await SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <inheritdoc />
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var hasOutboxRows = ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added);
        if (pendingLiveUpdates.Count == 0 && !hasOutboxRows)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var ownsTransaction = Database.CurrentTransaction is null;
        await using var transaction = ownsTransaction ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        var notices = pendingLiveUpdates
            .Select(update => (Channel: LiveUpdateChannels.Live, Payload: JsonSerializer.Serialize(update, LiveUpdate.Json)))
            .ToList();
        if (hasOutboxRows)
        {
            // Wakes the outbox dispatcher of every host as soon as the events are visible.
            notices.Add((LiveUpdateChannels.Outbox, Schema));
        }

        await NotifyAsync(notices, cancellationToken);

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        pendingLiveUpdates.Clear();
        return written;
    }

    /// <inheritdoc />
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: it commits outbox rows and live notices with the change.");

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.Entity<OutboxMessage>(b =>
        {
            b.ToTable("outbox_messages");
            b.HasKey(m => m.Id);
            b.Property(m => m.Type).HasMaxLength(300);
            b.Property(m => m.Payload).HasColumnType("jsonb");
            b.HasIndex(m => m.NextAttemptAt)
                .HasFilter("processed_at IS NULL AND dead_lettered_at IS NULL")
                .HasDatabaseName("ix_outbox_messages_due");
        });
        modelBuilder.Entity<InboxMessage>(b =>
        {
            b.ToTable("inbox_messages");
            b.HasKey(m => new { m.EventId, m.Consumer });
            b.Property(m => m.Consumer).HasMaxLength(300);
        });
        ConfigureModel(modelBuilder);
    }

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // timestamptz takes only UTC offsets; converting every DateTimeOffset (values and query parameters
        // alike) lets callers pass instants in any offset, e.g. a user's local time.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcDateTimeOffsetConverter>();
    }

    /// <summary>The module's own entity configuration.</summary>
    protected abstract void ConfigureModel(ModelBuilder modelBuilder);

    /// <summary>All notices in one statement: one round trip however many there are.</summary>
    private Task<int> NotifyAsync(List<(string Channel, string Payload)> notices, CancellationToken cancellationToken) =>
        Database.ExecuteSqlRawAsync(
            "SELECT pg_notify(n.channel, n.payload) FROM unnest(@channels, @payloads) AS n(channel, payload)",
            [
                new NpgsqlParameter("channels", notices.Select(n => n.Channel).ToArray()),
                new NpgsqlParameter("payloads", notices.Select(n => n.Payload).ToArray()),
            ],
            cancellationToken);
}

/// <summary>Stores every instant with offset zero (PostgreSQL timestamptz accepts only UTC).</summary>
internal sealed class UtcDateTimeOffsetConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, DateTimeOffset>(
    value => value.ToUniversalTime(),
    value => value.ToUniversalTime());
