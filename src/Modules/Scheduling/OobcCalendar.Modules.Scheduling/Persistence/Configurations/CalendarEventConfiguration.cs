using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OobcCalendar.Modules.Scheduling.Domain.Events;

namespace OobcCalendar.Modules.Scheduling.Persistence.Configurations;

internal sealed class CalendarEventConfiguration : IEntityTypeConfiguration<CalendarEvent>
{
    public void Configure(EntityTypeBuilder<CalendarEvent> builder)
    {
        builder.ToTable("events");
        builder.Property(e => e.Title).HasMaxLength(200);
        builder.Property(e => e.Location).HasMaxLength(300);
        builder.Property(e => e.Description).HasMaxLength(8000);
        builder.Property(e => e.TimeZoneId).HasMaxLength(64);
        builder.Property(e => e.RecurrenceRule).HasMaxLength(1000);
        builder.Property(e => e.Visibility).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Version).IsRowVersion();
        builder.Ignore(e => e.IsRecurring);
        builder.Ignore(e => e.IsCancelled);
        builder.Ignore(e => e.Duration);
        builder.Ignore(e => e.Zone);
        // "My events": member_ids && ARRAY[me] through a GIN index.
        // fastupdate off: a pending list makes every calendar read scan it until the next vacuum (measured 0.1 ms
        // against 1.3–2.2 ms for the member lookup after a bulk import); events are read far more than written.
        builder.HasIndex(e => e.MemberIds).HasMethod("gin").HasStorageParameter("fastupdate", false);
        builder.HasIndex(e => e.OrganizerUnitId);
        builder.Property(e => e.ExternalUid).HasMaxLength(CalendarEvent.MaxExternalUidLength);
        // Duplicate check on import: "has this organizer already imported this UID?"
        builder.HasIndex(e => new { e.OrganizerId, e.ExternalUid }).HasFilter("external_uid IS NOT NULL");
        // Series that still run beyond the index horizon, for lazy expansion.
        builder.HasIndex(e => e.SeriesEndUtc).HasFilter("recurrence_rule IS NOT NULL AND cancelled_at IS NULL");
        builder.HasMany(e => e.Participants).WithOne().HasForeignKey(p => p.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Overrides).WithOne().HasForeignKey(o => o.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Participants).AutoInclude();
        builder.Navigation(e => e.Overrides).AutoInclude();
        builder.HasMany(e => e.OccurrenceAnswers).WithOne().HasForeignKey(a => a.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.OccurrenceAnswers).AutoInclude();
    }
}

internal sealed class OccurrenceAnswerConfiguration : IEntityTypeConfiguration<OccurrenceAnswer>
{
    public void Configure(EntityTypeBuilder<OccurrenceAnswer> builder)
    {
        builder.ToTable("occurrence_answers");
        builder.HasKey(a => new { a.EventId, a.RecurrenceId, a.UserId });
        builder.Property(a => a.Response).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class EventParticipantConfiguration : IEntityTypeConfiguration<EventParticipant>
{
    public void Configure(EntityTypeBuilder<EventParticipant> builder)
    {
        builder.ToTable("event_participants");
        builder.HasKey(p => new { p.EventId, p.UserId });
        builder.Property(p => p.Response).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(p => p.UserId);
    }
}

internal sealed class EventOverrideConfiguration : IEntityTypeConfiguration<EventOverride>
{
    public void Configure(EntityTypeBuilder<EventOverride> builder)
    {
        builder.ToTable("event_overrides");
        builder.HasKey(o => new { o.EventId, o.RecurrenceId });
        builder.Property(o => o.Title).HasMaxLength(200);
        builder.Property(o => o.Location).HasMaxLength(300);
        builder.Property(o => o.Description).HasMaxLength(8000);
    }
}

internal sealed class EventOccurrenceConfiguration : IEntityTypeConfiguration<EventOccurrence>
{
    public void Configure(EntityTypeBuilder<EventOccurrence> builder)
    {
        builder.ToTable("occurrences");
        builder.HasKey(o => new { o.EventId, o.RecurrenceId });
        builder.Property(o => o.Title).HasMaxLength(200);
        builder.Property(o => o.Location).HasMaxLength(300);
        // A window query is "start in [from - max duration, to) and end > from": a range scan on this index.
        builder.HasIndex(o => new { o.StartUtc, o.EndUtc });
        // "My month": from my events (GIN on member_ids) straight to their occurrences in the window.
        builder.HasIndex(o => new { o.EventId, o.StartUtc });
    }
}

internal sealed class EventCategoryConfiguration : IEntityTypeConfiguration<EventCategory>
{
    public void Configure(EntityTypeBuilder<EventCategory> builder)
    {
        builder.ToTable("categories");
        builder.Property(c => c.Name).HasMaxLength(60);
        builder.Property(c => c.Colour).HasMaxLength(20);
        builder.HasIndex(c => c.Name).IsUnique();
        // Reference data every office starts with; admins may add more.
        builder.HasData(
            new EventCategory { Id = new Guid("0193a000-0000-7000-8000-000000000001"), Name = "Meeting", Colour = "#1565c0", Order = 1 },
            new EventCategory { Id = new Guid("0193a000-0000-7000-8000-000000000002"), Name = "Training", Colour = "#6a1b9a", Order = 2 },
            new EventCategory { Id = new Guid("0193a000-0000-7000-8000-000000000003"), Name = "Field work", Colour = "#00838f", Order = 3 },
            new EventCategory { Id = new Guid("0193a000-0000-7000-8000-000000000004"), Name = "Deadline", Colour = "#c62828", Order = 4 },
            new EventCategory { Id = new Guid("0193a000-0000-7000-8000-000000000005"), Name = "Office event", Colour = "#2e7d32", Order = 5 },
            new EventCategory { Id = new Guid("0193a000-0000-7000-8000-000000000006"), Name = "Personal", Colour = "#546e7a", Order = 6 });
    }
}

internal sealed class OccurrenceIndexStateConfiguration : IEntityTypeConfiguration<OccurrenceIndexState>
{
    public void Configure(EntityTypeBuilder<OccurrenceIndexState> builder)
    {
        builder.ToTable("occurrence_index_state");
        builder.Property(s => s.Id).ValueGeneratedNever();
    }
}
