using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OobcCalendar.Modules.Attendance.Domain;

namespace OobcCalendar.Modules.Attendance.Persistence.Configurations;

internal sealed class OfflineScanConfiguration : IEntityTypeConfiguration<OfflineScan>
{
    public void Configure(EntityTypeBuilder<OfflineScan> builder)
    {
        builder.ToTable("offline_scans");
        // The idempotency key: the scanner's own id for the scan (ADR 0030).
        builder.HasKey(s => s.ClientScanId);
        builder.Property(s => s.ClientScanId).ValueGeneratedNever();
        builder.Property(s => s.Desk).HasMaxLength(60);
        builder.Property(s => s.CheckedInDesk).HasMaxLength(60);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Message).HasMaxLength(OfflineScan.MessageMax);
        builder.HasIndex(s => s.ListId);
    }
}
