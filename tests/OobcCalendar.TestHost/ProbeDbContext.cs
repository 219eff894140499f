using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using OobcCalendar.Shared.Persistence;

namespace OobcCalendar.TestHost;

/// <summary>The probe module's unit of work on schema <c>probe</c>: the shared outbox/inbox plus three plain tables.</summary>
public sealed class ProbeDbContext(DbContextOptions<ProbeDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "probe";

    public override string Schema => SchemaName;

    /// <summary>One row per application of an event. Deliberately no unique key: a double apply stays visible.</summary>
    public DbSet<AppliedEvent> Applied => Set<AppliedEvent>();

    /// <summary>One row per execution of the recurring job. Deliberately no unique key either.</summary>
    public DbSet<JobFiring> Firings => Set<JobFiring>();

    /// <summary>Free-form rows a test changes together with an event (the note id is the primary key).</summary>
    public DbSet<ProbeNote> Notes => Set<ProbeNote>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AppliedEvent>(b =>
        {
            b.ToTable("applied");
            b.HasKey(a => a.Id);
            b.HasIndex(a => a.EventId);
            b.Property(a => a.Instance).HasMaxLength(100);
        });
        modelBuilder.Entity<JobFiring>(b =>
        {
            b.ToTable("job_firings");
            b.HasKey(f => f.Id);
            b.Property(f => f.FireInstanceId).HasMaxLength(200);
            b.Property(f => f.Instance).HasMaxLength(100);
            b.Property(f => f.SchedulerInstanceId).HasMaxLength(200);
        });
        modelBuilder.Entity<ProbeNote>(b =>
        {
            b.ToTable("notes");
            b.HasKey(n => n.Id);
            b.Property(n => n.Id).HasMaxLength(100);
        });
    }
}

public sealed class AppliedEvent
{
    public long Id { get; set; }

    public Guid EventId { get; set; }

    public int Number { get; set; }

    public string Instance { get; set; } = string.Empty;

    public DateTimeOffset AppliedAt { get; set; }
}

public sealed class JobFiring
{
    public long Id { get; set; }

    public string FireInstanceId { get; set; } = string.Empty;

    public DateTimeOffset ScheduledFireTime { get; set; }

    public DateTimeOffset FiredAt { get; set; }

    public string Instance { get; set; } = string.Empty;

    public string SchedulerInstanceId { get; set; } = string.Empty;
}

public sealed class ProbeNote
{
    public string Id { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host.</summary>
internal sealed class ProbeDesignTimeFactory : ModuleDesignTimeFactory<ProbeDbContext>, IDesignTimeDbContextFactory<ProbeDbContext>
{
    public ProbeDbContext CreateDbContext(string[] args) => new(DesignTimeOptions(ProbeDbContext.SchemaName));
}
