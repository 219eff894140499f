using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OobcCalendar.Modules.Scheduling.Features.BusyIntervals;

internal sealed class ExternalBusyIntervalConfiguration : IEntityTypeConfiguration<ExternalBusyInterval>
{
    public void Configure(EntityTypeBuilder<ExternalBusyInterval> builder)
    {
        builder.ToTable("external_busy");
        builder.HasKey(b => new { b.SourceModule, b.SourceId, b.PersonId });
        builder.Property(b => b.SourceModule).HasMaxLength(50);
        builder.Property(b => b.Label).HasMaxLength(50);
        // The busy check: "these people, overlapping this span".
        builder.HasIndex(b => new { b.PersonId, b.StartUtc });
    }
}

internal sealed class ReleasedBusySourceConfiguration : IEntityTypeConfiguration<ReleasedBusySource>
{
    public void Configure(EntityTypeBuilder<ReleasedBusySource> builder)
    {
        builder.ToTable("external_busy_released");
        builder.HasKey(b => new { b.SourceModule, b.SourceId });
        builder.Property(b => b.SourceModule).HasMaxLength(50);
    }
}
