using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Attendance.Domain;
using OobcCalendar.Modules.Attendance.Features.EventsReadModel;
using OobcCalendar.Modules.Attendance.Persistence.Configurations;
using OobcCalendar.Modules.Scheduling.Contracts.Replica;
using OobcCalendar.Shared.Persistence;

namespace OobcCalendar.Modules.Attendance.Persistence;

/// <summary>The Attendance module's unit of work, on schema <c>attendance</c>.</summary>
internal sealed class AttendanceDbContext(DbContextOptions<AttendanceDbContext> options) : ModuleDbContext(options), IEventReplicaStore<KnownEvent>
{
    internal const string SchemaName = "attendance";

    public override string Schema => SchemaName;

    public DbSet<KnownEvent> KnownEvents => Set<KnownEvent>();

    public DbSet<OccurrenceChangeReplica> KnownOccurrenceChanges => Set<OccurrenceChangeReplica>();

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

    // The replica's store (ADR 0038). FindAsync sees rows added earlier in this unit of work before asking the database.
    async ValueTask<KnownEvent?> IEventReplicaStore<KnownEvent>.FindEventAsync(Guid eventId, CancellationToken cancellationToken) =>
        await KnownEvents.FindAsync([eventId], cancellationToken);

    async ValueTask<OccurrenceChangeReplica?> IEventReplicaStore<KnownEvent>.FindChangeAsync(Guid eventId, DateTimeOffset recurrenceIdUtc, CancellationToken cancellationToken) =>
        await KnownOccurrenceChanges.FindAsync([eventId, recurrenceIdUtc], cancellationToken);

    void IEventReplicaStore<KnownEvent>.Add(KnownEvent replica) => KnownEvents.Add(replica);

    void IEventReplicaStore<KnownEvent>.Add(OccurrenceChangeReplica change) => KnownOccurrenceChanges.Add(change);
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host.</summary>
internal sealed class AttendanceDesignTimeFactory : ModuleDesignTimeFactory<AttendanceDbContext>, Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<AttendanceDbContext>
{
    public AttendanceDbContext CreateDbContext(string[] args) => new(DesignTimeOptions(AttendanceDbContext.SchemaName));
}
