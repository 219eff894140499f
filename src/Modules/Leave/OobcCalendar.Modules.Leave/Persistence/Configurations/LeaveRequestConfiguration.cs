using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OobcCalendar.Modules.Leave.Domain.Ledger;
using OobcCalendar.Modules.Leave.Domain.Requests;

namespace OobcCalendar.Modules.Leave.Persistence.Configurations;

internal sealed class LeaveRequestConfiguration : IEntityTypeConfiguration<LeaveRequest>
{
    /// <summary>Name of the exclusion constraint; its violation (23P01) means "you already have leave then".</summary>
    public const string NoOverlapConstraint = "ex_leave_requests_no_overlap";

    public void Configure(EntityTypeBuilder<LeaveRequest> builder)
    {
        builder.ToTable("leave_requests");
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Stage).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.FirstDayPart).HasConversion<string>().HasMaxLength(12);
        builder.Property(r => r.LastDayPart).HasConversion<string>().HasMaxLength(12);
        // Wall-clock half days of the office (no zone): a day off is a date, not an instant.
        builder.Property(r => r.HeldFrom).HasColumnType("timestamp without time zone");
        builder.Property(r => r.HeldUntil).HasColumnType("timestamp without time zone");
        builder.Property(r => r.Days).HasPrecision(7, 3);
        builder.Property(r => r.Reason).HasMaxLength(1000);
        builder.Property(r => r.DecisionReason).HasMaxLength(500);
        builder.Property(r => r.CancelAskReason).HasMaxLength(500);
        builder.Property(r => r.Version).IsRowVersion();
        builder.HasIndex(r => new { r.PersonId, r.FirstDay });
        builder.HasIndex(r => new { r.FirstDay, r.LastDay });
        builder.HasIndex(r => r.Status).HasFilter("status = 'Pending'").HasDatabaseName("ix_leave_requests_pending");
        // "Who's out" (approved leave overlapping a window around today): led by the last day, the scan starts at
        // the window and never walks the years of past leave that (first_day, last_day) would.
        builder.HasIndex(r => new { r.LastDay, r.FirstDay }).HasFilter("status = 'Approved'").HasDatabaseName("ix_leave_requests_approved_by_last_day");
        builder.Ignore(r => r.Period);
        builder.Ignore(r => r.HoldsDays);
        builder.Ignore(r => r.CancelAskOpen);
    }
}

internal sealed class LeaveDocumentConfiguration : IEntityTypeConfiguration<LeaveDocument>
{
    public void Configure(EntityTypeBuilder<LeaveDocument> builder)
    {
        builder.ToTable("leave_documents");
        builder.Property(d => d.FileName).HasMaxLength(200);
        builder.Property(d => d.ContentType).HasMaxLength(100);
        builder.HasIndex(d => d.RequestId);
    }
}

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> builder)
    {
        builder.ToTable("ledger_entries");
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Days).HasPrecision(7, 3);
        builder.Property(e => e.Key).HasMaxLength(80);
        builder.Property(e => e.Reason).HasMaxLength(500);
        // Automatic entries are booked once: the accrual of a month, a year's grant, a year's close, a request's days.
        builder.HasIndex(e => new { e.PersonId, e.LeaveTypeId, e.Key }).IsUnique().HasFilter("key IS NOT NULL");
        builder.HasIndex(e => new { e.PersonId, e.LeaveTypeId, e.Year });
    }
}

/// <summary>A year whose holidays were seeded once (Admin may delete a seeded day; it is not seeded again).</summary>
internal sealed class HolidaySeedYear
{
    public int Year { get; set; }
}

/// <summary>A leave year the year-end job closed; days approved afterwards for it are booked in the next open year.</summary>
internal sealed class ClosedLeaveYear
{
    public int Year { get; set; }

    public DateTimeOffset ClosedAt { get; set; }
}

internal sealed class YearMarkersConfiguration : IEntityTypeConfiguration<HolidaySeedYear>, IEntityTypeConfiguration<ClosedLeaveYear>
{
    public void Configure(EntityTypeBuilder<HolidaySeedYear> builder)
    {
        builder.ToTable("holiday_seed_years");
        builder.HasKey(y => y.Year);
        builder.Property(y => y.Year).ValueGeneratedNever();
    }

    public void Configure(EntityTypeBuilder<ClosedLeaveYear> builder)
    {
        builder.ToTable("closed_years");
        builder.HasKey(y => y.Year);
        builder.Property(y => y.Year).ValueGeneratedNever();
    }
}
