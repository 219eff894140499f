using Microsoft.EntityFrameworkCore;
using OobcCalendar.Shared.Persistence;

namespace OobcCalendar.Modules.Attendance.Persistence;

/// <summary>The Attendance module's unit of work, on schema <c>attendance</c>.</summary>
internal sealed class AttendanceDbContext(DbContextOptions<AttendanceDbContext> options) : ModuleDbContext(options)
{
    internal const string SchemaName = "attendance";

    public override string Schema => SchemaName;

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        // Entity configurations are applied here one by one as the module grows (no assembly scanning).
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host.</summary>
internal sealed class AttendanceDesignTimeFactory : ModuleDesignTimeFactory<AttendanceDbContext>, Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<AttendanceDbContext>
{
    public AttendanceDbContext CreateDbContext(string[] args) => new(DesignTimeOptions(AttendanceDbContext.SchemaName));
}
