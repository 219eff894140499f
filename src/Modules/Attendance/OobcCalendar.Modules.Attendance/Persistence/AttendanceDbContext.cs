using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Attendance.Domain;
using OobcCalendar.Modules.Attendance.Features.EventsReadModel;
using OobcCalendar.Modules.Attendance.Persistence.Configurations;
using OobcCalendar.Shared.Persistence;

namespace OobcCalendar.Modules.Attendance.Persistence;

/// <summary>The Attendance module's unit of work, on schema <c>attendance</c>.</summary>
internal sealed class AttendanceDbContext(DbContextOptions<AttendanceDbContext> options) : ModuleDbContext(options)
{
    internal const string SchemaName = "attendance";

    public override string Schema => SchemaName;

    public DbSet<KnownEvent> KnownEvents => Set<KnownEvent>();

    public DbSet<KnownOccurrenceChange> KnownOccurrenceChanges => Set<KnownOccurrenceChange>();

    public DbSet<AttendanceList> Lists => Set<AttendanceList>();

    public DbSet<CheckIn> CheckIns => Set<CheckIn>();

    public DbSet<CheckInUndo> CheckInUndos => Set<CheckInUndo>();

    public DbSet<WalkIn> WalkIns => Set<WalkIn>();

    public DbSet<Ticket> Tickets => Set<Ticket>();

    public DbSet<OfflineScan> OfflineScans => Set<OfflineScan>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        // Entity configurations one by one (no assembly scanning).
        modelBuilder.ApplyConfiguration(new KnownEventConfiguration());
        modelBuilder.ApplyConfiguration(new KnownOccurrenceChangeConfiguration());
        modelBuilder.ApplyConfiguration(new AttendanceListConfiguration());
        modelBuilder.ApplyConfiguration(new CheckInConfiguration());
        modelBuilder.ApplyConfiguration(new CheckInUndoConfiguration());
        modelBuilder.ApplyConfiguration(new WalkInConfiguration());
        modelBuilder.ApplyConfiguration(new TicketConfiguration());
        modelBuilder.ApplyConfiguration(new OfflineScanConfiguration());
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host.</summary>
internal sealed class AttendanceDesignTimeFactory : ModuleDesignTimeFactory<AttendanceDbContext>, Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<AttendanceDbContext>
{
    public AttendanceDbContext CreateDbContext(string[] args) => new(DesignTimeOptions(AttendanceDbContext.SchemaName));
}
