using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OobcCalendar.Modules.Attendance.Domain;

namespace OobcCalendar.Modules.Attendance.Persistence.Configurations;

internal sealed class AttendanceListConfiguration : IEntityTypeConfiguration<AttendanceList>
{
    public void Configure(EntityTypeBuilder<AttendanceList> builder)
    {
        builder.ToTable("attendance_lists");
        builder.HasIndex(l => new { l.EventId, l.OccurrenceStartUtc }).IsUnique();
        // Reports pick lists by occurrence over a date range.
        builder.HasIndex(l => l.OccurrenceStartUtc);
        builder.OwnsOne(l => l.Settings, s =>
        {
            s.Property(x => x.SelfCheckInAllowed).HasColumnName("self_check_in_allowed");
            s.Property(x => x.WalkInsAllowed).HasColumnName("walk_ins_allowed");
            s.Property(x => x.CheckOutRecorded).HasColumnName("check_out_recorded");
            s.Property(x => x.OpensMinutesBefore).HasColumnName("opens_minutes_before");
        });
        builder.Navigation(l => l.Settings).IsRequired();
        builder.Ignore(l => l.IsClosed);
    }
}

internal sealed class CheckInConfiguration : IEntityTypeConfiguration<CheckIn>
{
    /// <summary>Names of the unique indexes whose violation (23505) means "already checked in".</summary>
    public const string OnePersonIndex = "ux_check_ins_list_person";
    public const string OneWalkInIndex = "ux_check_ins_list_walk_in";

    public void Configure(EntityTypeBuilder<CheckIn> builder)
    {
        builder.ToTable("check_ins");
        builder.Property(c => c.Desk).HasMaxLength(60);
        builder.Property(c => c.Method).HasConversion<string>().HasMaxLength(12);
        builder.HasIndex(c => new { c.ListId, c.PersonId }).IsUnique().HasFilter("person_id IS NOT NULL").HasDatabaseName(OnePersonIndex);
        builder.HasIndex(c => new { c.ListId, c.WalkInId }).IsUnique().HasFilter("walk_in_id IS NOT NULL").HasDatabaseName(OneWalkInIndex);
        builder.HasIndex(c => new { c.ListId, c.RecordedAt });
        builder.ToTable(t => t.HasCheckConstraint("ck_check_ins_one_who", "(person_id IS NULL) <> (walk_in_id IS NULL)"));
    }
}

internal sealed class CheckInUndoConfiguration : IEntityTypeConfiguration<CheckInUndo>
{
    public void Configure(EntityTypeBuilder<CheckInUndo> builder)
    {
        builder.ToTable("check_in_undos");
        builder.Property(u => u.Desk).HasMaxLength(60);
        builder.HasIndex(u => u.ListId);
    }
}

internal sealed class WalkInConfiguration : IEntityTypeConfiguration<WalkIn>
{
    public void Configure(EntityTypeBuilder<WalkIn> builder)
    {
        builder.ToTable("walk_ins");
        builder.Property(w => w.Name).HasMaxLength(WalkIn.NameMax);
        builder.Property(w => w.Organisation).HasMaxLength(WalkIn.OrganisationMax);
        builder.Property(w => w.Contact).HasMaxLength(WalkIn.ContactMax);
        builder.HasIndex(w => w.ListId);
    }
}

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> builder)
    {
        builder.ToTable("tickets");
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => new { t.ListId, t.PersonId });
    }
}
