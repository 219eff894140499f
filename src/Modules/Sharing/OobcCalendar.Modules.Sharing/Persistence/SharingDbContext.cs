using Microsoft.EntityFrameworkCore;
using OobcCalendar.Shared.Persistence;

namespace OobcCalendar.Modules.Sharing.Persistence;

/// <summary>The Sharing module's unit of work, on schema <c>sharing</c>.</summary>
internal sealed class SharingDbContext(DbContextOptions<SharingDbContext> options) : ModuleDbContext(options)
{
    internal const string SchemaName = "sharing";

    public override string Schema => SchemaName;

    public DbSet<Domain.ShareLink> Links => Set<Domain.ShareLink>();

    public DbSet<Domain.SharingSettings> Settings => Set<Domain.SharingSettings>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new Configurations.ShareLinkConfiguration());
        modelBuilder.ApplyConfiguration(new Configurations.SharingSettingsConfiguration());
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host.</summary>
internal sealed class SharingDesignTimeFactory : ModuleDesignTimeFactory<SharingDbContext>, Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<SharingDbContext>
{
    public SharingDbContext CreateDbContext(string[] args) => new(DesignTimeOptions(SharingDbContext.SchemaName));
}
