using Microsoft.EntityFrameworkCore;
using OobcCalendar.Shared.Persistence;

namespace OobcCalendar.Modules.Resources.Persistence;

/// <summary>The Resources module's unit of work, on schema <c>resources</c>.</summary>
internal sealed class ResourcesDbContext(DbContextOptions<ResourcesDbContext> options) : ModuleDbContext(options)
{
    internal const string SchemaName = "resources";

    public override string Schema => SchemaName;

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        // Entity configurations are applied here one by one as the module grows (no assembly scanning).
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host.</summary>
internal sealed class ResourcesDesignTimeFactory : ModuleDesignTimeFactory<ResourcesDbContext>, Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<ResourcesDbContext>
{
    public ResourcesDbContext CreateDbContext(string[] args) => new(DesignTimeOptions(ResourcesDbContext.SchemaName));
}
