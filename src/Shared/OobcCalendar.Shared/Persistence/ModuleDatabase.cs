using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace OobcCalendar.Shared.Persistence;

/// <summary>A schema the host migrates at start-up (one per module DbContext, plus the host's own).</summary>
public interface IModuleDatabase
{
    /// <summary>The schema name.</summary>
    string Schema { get; }

    /// <summary>Whether this schema has an outbox the dispatcher must serve.</summary>
    bool HasOutbox { get; }

    /// <summary>Applies pending migrations.</summary>
    Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken);
}

internal sealed class ModuleDatabase<TContext>(string schema, bool hasOutbox) : IModuleDatabase
    where TContext : DbContext
{
    public string Schema => schema;

    public bool HasOutbox => hasOutbox;

    public async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var factory = services.GetRequiredService<IDbContextFactory<TContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }
}
