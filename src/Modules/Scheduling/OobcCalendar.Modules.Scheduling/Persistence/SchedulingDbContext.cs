using Microsoft.EntityFrameworkCore;
using OobcCalendar.Shared.Persistence;

namespace OobcCalendar.Modules.Scheduling.Persistence;

/// <summary>The Scheduling module's unit of work, on schema <c>scheduling</c>.</summary>
internal sealed class SchedulingDbContext(DbContextOptions<SchedulingDbContext> options) : ModuleDbContext(options)
{
    internal const string SchemaName = "scheduling";

    public override string Schema => SchemaName;

    public DbSet<Domain.Events.CalendarEvent> Events => Set<Domain.Events.CalendarEvent>();

    public DbSet<Domain.Events.EventOccurrence> Occurrences => Set<Domain.Events.EventOccurrence>();

    public DbSet<Domain.Events.EventParticipant> Participants => Set<Domain.Events.EventParticipant>();

    public DbSet<Domain.Events.OccurrenceAnswer> OccurrenceAnswers => Set<Domain.Events.OccurrenceAnswer>();

    public DbSet<Domain.Events.EventCategory> Categories => Set<Domain.Events.EventCategory>();

    public DbSet<Domain.Events.OccurrenceIndexState> IndexState => Set<Domain.Events.OccurrenceIndexState>();

    /// <summary>Read model: people's time held by other modules' facts (approved bookings), fed by their events.</summary>
    public DbSet<Features.BusyIntervals.ExternalBusyInterval> ExternalBusy => Set<Features.BusyIntervals.ExternalBusyInterval>();

    public DbSet<Features.BusyIntervals.ReleasedBusySource> ReleasedBusySources => Set<Features.BusyIntervals.ReleasedBusySource>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        // Applied one by one (no assembly scanning), so a reader sees the whole model here.
        modelBuilder.ApplyConfiguration(new Configurations.CalendarEventConfiguration());
        modelBuilder.ApplyConfiguration(new Configurations.EventParticipantConfiguration());
        modelBuilder.ApplyConfiguration(new Configurations.EventOverrideConfiguration());
        modelBuilder.ApplyConfiguration(new Configurations.OccurrenceAnswerConfiguration());
        modelBuilder.ApplyConfiguration(new Configurations.EventOccurrenceConfiguration());
        modelBuilder.ApplyConfiguration(new Configurations.EventCategoryConfiguration());
        modelBuilder.ApplyConfiguration(new Configurations.OccurrenceIndexStateConfiguration());
        modelBuilder.ApplyConfiguration(new Features.BusyIntervals.ExternalBusyIntervalConfiguration());
        modelBuilder.ApplyConfiguration(new Features.BusyIntervals.ReleasedBusySourceConfiguration());
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host.</summary>
internal sealed class SchedulingDesignTimeFactory : ModuleDesignTimeFactory<SchedulingDbContext>, Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<SchedulingDbContext>
{
    public SchedulingDbContext CreateDbContext(string[] args) => new(DesignTimeOptions(SchedulingDbContext.SchemaName));
}
