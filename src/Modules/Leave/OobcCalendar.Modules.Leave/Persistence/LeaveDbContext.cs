using Microsoft.EntityFrameworkCore;
using OobcCalendar.Shared.Persistence;

namespace OobcCalendar.Modules.Leave.Persistence;

/// <summary>The Leave module's unit of work, on schema <c>leave</c>.</summary>
internal sealed class LeaveDbContext(DbContextOptions<LeaveDbContext> options) : ModuleDbContext(options)
{
    internal const string SchemaName = "leave";

    public override string Schema => SchemaName;

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        // Entity configurations are applied here one by one as the module grows (no assembly scanning).
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host.</summary>
internal sealed class LeaveDesignTimeFactory : ModuleDesignTimeFactory<LeaveDbContext>, Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<LeaveDbContext>
{
    public LeaveDbContext CreateDbContext(string[] args) => new(DesignTimeOptions(LeaveDbContext.SchemaName));
}
