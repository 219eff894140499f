using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OobcCalendar.Modules.Notifications.Features.EventsReadModel;
using OobcCalendar.Modules.Notifications.Features.Reminders;
using OobcCalendar.Modules.Scheduling.Contracts.Replica;

namespace OobcCalendar.Modules.Notifications.Persistence.Configurations;

/// <summary>Notifications' own table for its replica; key and column limits come with <see cref="EventReplica"/> (ADR 0038).</summary>
internal sealed class KnownEventConfiguration : IEntityTypeConfiguration<KnownEvent>
{
    public void Configure(EntityTypeBuilder<KnownEvent> builder)
    {
        builder.ToTable("known_events");
        // The sweep looks for live events whose horizon runs out.
        builder.HasIndex(e => e.RemindersUntil).HasFilter("NOT cancelled");
    }
}

internal sealed class KnownOccurrenceChangeConfiguration : IEntityTypeConfiguration<OccurrenceChangeReplica>
{
    public void Configure(EntityTypeBuilder<OccurrenceChangeReplica> builder)
    {
        builder.ToTable("known_occurrence_changes");
        builder.HasKey(c => new { c.EventId, c.RecurrenceIdUtc });
    }
}

internal sealed class KnownAnswerConfiguration : IEntityTypeConfiguration<KnownAnswer>
{
    public void Configure(EntityTypeBuilder<KnownAnswer> builder)
    {
        builder.ToTable("known_answers");
        builder.HasKey(a => new { a.EventId, a.ParticipantId, a.Scope });
        builder.Property(a => a.Scope).HasMaxLength(32);
        builder.Property(a => a.Response).HasMaxLength(32);
    }
}

internal sealed class DueReminderConfiguration : IEntityTypeConfiguration<DueReminder>
{
    public void Configure(EntityTypeBuilder<DueReminder> builder)
    {
        builder.ToTable("due_reminders");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        // One reminder per person, occurrence start and offset: rewriting the plan or replaying an event adds nothing.
        builder.HasIndex(r => new { r.UserId, r.EventId, r.StartsAtUtc, r.OffsetMinutes }).IsUnique();
        builder.HasIndex(r => r.EventId);
        // The sweep's claim reads only pending rows by due time.
        builder.HasIndex(r => r.DueAtUtc).HasFilter("status = 'Pending'");
    }
}

internal sealed class DigestRunConfiguration : IEntityTypeConfiguration<OobcCalendar.Modules.Notifications.Features.Digests.DigestRun>
{
    public void Configure(EntityTypeBuilder<OobcCalendar.Modules.Notifications.Features.Digests.DigestRun> builder)
    {
        builder.ToTable("digest_runs");
        builder.HasKey(r => new { r.UserId, r.Period });
        builder.Property(r => r.Period).HasMaxLength(32);
    }
}
