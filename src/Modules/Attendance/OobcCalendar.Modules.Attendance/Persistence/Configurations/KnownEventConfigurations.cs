using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OobcCalendar.Modules.Attendance.Features.EventsReadModel;
using OobcCalendar.Modules.Scheduling.Contracts.Replica;

namespace OobcCalendar.Modules.Attendance.Persistence.Configurations;

/// <summary>Attendance's own table for its replica; key and column limits come with <see cref="EventReplica"/> (ADR 0038).</summary>
internal sealed class KnownEventConfiguration : IEntityTypeConfiguration<KnownEvent>
{
    public void Configure(EntityTypeBuilder<KnownEvent> builder) => builder.ToTable("known_events");
}

internal sealed class KnownOccurrenceChangeConfiguration : IEntityTypeConfiguration<OccurrenceChangeReplica>
{
    public void Configure(EntityTypeBuilder<OccurrenceChangeReplica> builder)
    {
        builder.ToTable("known_occurrence_changes");
        builder.HasKey(c => new { c.EventId, c.RecurrenceIdUtc });
    }
}
