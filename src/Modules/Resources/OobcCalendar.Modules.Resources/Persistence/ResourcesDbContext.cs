using Microsoft.EntityFrameworkCore;
using OobcCalendar.Shared.Persistence;

namespace OobcCalendar.Modules.Resources.Persistence;

/// <summary>The Resources module's unit of work, on schema <c>resources</c>.</summary>
internal sealed class ResourcesDbContext(DbContextOptions<ResourcesDbContext> options) : ModuleDbContext(options)
{
    internal const string SchemaName = "resources";

    public override string Schema => SchemaName;

    public DbSet<Domain.Resources.Resource> Resources => Set<Domain.Resources.Resource>();

    public DbSet<Domain.Resources.Blackout> Blackouts => Set<Domain.Resources.Blackout>();

    public DbSet<Domain.Bookings.Booking> Bookings => Set<Domain.Bookings.Booking>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new Configurations.ResourceConfiguration());
        modelBuilder.ApplyConfiguration(new Configurations.BlackoutConfiguration());
        modelBuilder.ApplyConfiguration(new Configurations.BookingConfiguration());
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host.</summary>
internal sealed class ResourcesDesignTimeFactory : ModuleDesignTimeFactory<ResourcesDbContext>, Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<ResourcesDbContext>
{
    public ResourcesDbContext CreateDbContext(string[] args) => new(DesignTimeOptions(ResourcesDbContext.SchemaName));
}
