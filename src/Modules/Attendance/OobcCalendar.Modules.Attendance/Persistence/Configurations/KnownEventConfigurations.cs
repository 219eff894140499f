using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OobcCalendar.Modules.Attendance.Features.EventsReadModel;

namespace OobcCalendar.Modules.Attendance.Persistence.Configurations;

internal sealed class KnownEventConfiguration : IEntityTypeConfiguration<KnownEvent>
{
    public void Configure(EntityTypeBuilder<KnownEvent> builder)
    {
        builder.ToTable("known_events");
        builder.HasKey(e => e.EventId);
        builder.Property(e => e.EventId).ValueGeneratedNever();
        builder.Property(e => e.Title).HasMaxLength(300);
        builder.Property(e => e.Location).HasMaxLength(300);
        builder.Property(e => e.TimeZoneId).HasMaxLength(64);
        builder.Property(e => e.RecurrenceRule).HasMaxLength(1000);
        builder.Ignore(e => e.IsRecurring);
    }
}

internal sealed class KnownOccurrenceChangeConfiguration : IEntityTypeConfiguration<KnownOccurrenceChange>
{
    public void Configure(EntityTypeBuilder<KnownOccurrenceChange> builder)
    {
        builder.ToTable("known_occurrence_changes");
        builder.HasKey(c => new { c.EventId, c.RecurrenceIdUtc });
    }
}
