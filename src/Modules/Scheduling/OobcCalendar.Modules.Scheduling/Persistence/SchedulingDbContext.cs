using Microsoft.EntityFrameworkCore;
using OobcCalendar.Shared.Persistence;

namespace OobcCalendar.Modules.Scheduling.Persistence;

/// <summary>The Scheduling module's unit of work, on schema <c>scheduling</c>.</summary>
internal sealed class SchedulingDbContext(DbContextOptions<SchedulingDbContext> options) : ModuleDbContext(options)
{
    internal const string SchemaName = "scheduling";

    public override string Schema => SchemaName;

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        // Entity configurations are applied here one by one as the module grows (no assembly scanning).
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host.</summary>
internal sealed class SchedulingDesignTimeFactory : ModuleDesignTimeFactory<SchedulingDbContext>, Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<SchedulingDbContext>
{
    public SchedulingDbContext CreateDbContext(string[] args) => new(DesignTimeOptions(SchedulingDbContext.SchemaName));
}
