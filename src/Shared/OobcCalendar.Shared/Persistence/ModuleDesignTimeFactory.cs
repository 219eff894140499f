using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace OobcCalendar.Shared.Persistence;

/// <summary>
/// Base for the design-time factories <c>dotnet ef</c> uses to create migrations; the connection is
/// never opened for <c>migrations add</c>.
/// </summary>
public abstract class ModuleDesignTimeFactory<TContext>
    where TContext : DbContext
{
    /// <summary>Options for <typeparamref name="TContext"/> on <paramref name="schema"/>.</summary>
    protected static DbContextOptions<TContext> DesignTimeOptions(string schema)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Default")
            ?? "Host=localhost;Database=oobc_design;Username=postgres";
        var builder = new DbContextOptionsBuilder<TContext>();
        PersistenceRegistration.ConfigureNpgsql(builder, NpgsqlDataSource.Create(connectionString), schema);
        return builder.Options;
    }
}
