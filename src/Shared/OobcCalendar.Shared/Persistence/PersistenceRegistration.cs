using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace OobcCalendar.Shared.Persistence;

/// <summary>Registers the shared PostgreSQL data source and module DbContexts.</summary>
public static class PersistenceRegistration
{
    /// <summary>One pooled data source for the whole host; every DbContext and raw query uses it.</summary>
    public static IServiceCollection AddOobcPersistence(this IServiceCollection services, string connectionString)
    {
        services.TryAddSingleton(_ =>
        {
            var builder = new NpgsqlDataSourceBuilder(connectionString);
            // Statements the app sends again and again (the calendar feed, availability, badges) are prepared on
            // each connection after a few uses, so PostgreSQL stops planning them on every request: measured on
            // the month feed, planning was a third of its time. A connection string that sets its own value wins.
            if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
            {
                builder.ConnectionStringBuilder.MaxAutoPrepare = 200;
                builder.ConnectionStringBuilder.AutoPrepareMinUsages = 3;
            }

            return builder.Build();
        });
        services.TryAddSingleton<DatabaseMigrator>();
        return services;
    }

    /// <summary>
    /// Registers a module DbContext factory on <paramref name="schema"/> with snake-case names and its
    /// own migrations-history table, and lists it for start-up migration and outbox dispatch.
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext>(this IServiceCollection services, string schema)
        where TContext : ModuleDbContext
    {
        services.AddDbContextFactory<TContext>((sp, options) => ConfigureNpgsql(options, sp.GetRequiredService<NpgsqlDataSource>(), schema));
        services.AddSingleton<IModuleDatabase>(new ModuleDatabase<TContext>(schema, hasOutbox: true));
        return services;
    }

    /// <summary>Registers a DbContext that has a schema but no outbox (e.g. the host's Identity store).</summary>
    public static IServiceCollection AddSchemaDbContext<TContext>(this IServiceCollection services, string schema)
        where TContext : DbContext
    {
        services.AddDbContextFactory<TContext>((sp, options) => ConfigureNpgsql(options, sp.GetRequiredService<NpgsqlDataSource>(), schema));
        services.AddSingleton<IModuleDatabase>(new ModuleDatabase<TContext>(schema, hasOutbox: false));
        return services;
    }

    /// <summary>The one place Npgsql options are set, shared with design-time factories.</summary>
    public static DbContextOptionsBuilder ConfigureNpgsql(DbContextOptionsBuilder options, NpgsqlDataSource dataSource, string schema)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options
            // Split queries (ADR 0018): a calendar event auto-includes participants, overrides and per-occurrence
            // answers; in one joined query those multiply (50 people x 500 answers = 25,000 rows for one series), and
            // EF logs MultipleCollectionIncludeWarning on every such load. Split, each collection is read once.
            .UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory", schema).UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
            .UseSnakeCaseNamingConvention()
            // EF logs every failed SaveChanges as an error with a stack trace, including the exclusion and
            // concurrency refusals the handlers expect and turn into a friendly message (a booking clash). Whoever
            // calls SaveChanges decides: Submit and the HTTP error path log the unexpected ones as errors themselves.
            .ConfigureWarnings(w => w.Log((Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.SaveChangesFailed, Microsoft.Extensions.Logging.LogLevel.Information)));
    }
}
