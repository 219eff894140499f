using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OobcCalendar.Modules.Notifications.Domain.Messages;

namespace OobcCalendar.Modules.Notifications.Persistence.Configurations;

internal sealed class OutgoingMessageConfiguration : IEntityTypeConfiguration<OutgoingMessage>
{
    public void Configure(EntityTypeBuilder<OutgoingMessage> builder)
    {
        builder.ToTable("outgoing_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.RecipientEmail).HasMaxLength(320);
        builder.Property(m => m.RecipientName).HasMaxLength(200);
        builder.Property(m => m.Type).HasMaxLength(100);
        builder.Property(m => m.DedupeKey).HasMaxLength(400);
        builder.Property(m => m.Subject).HasMaxLength(400);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.LastError).HasMaxLength(4000);
        // The guarantee that a replayed event or a restarted host writes a message once (ADR 0034).
        builder.HasIndex(m => new { m.RecipientUserId, m.DedupeKey }).IsUnique();
        // What the sender claims (leases that ran out included): small, as sent and skipped rows leave it. In the claim's
        // order (due time, then id), so a claim reads its batch off the index instead of sorting every due row: with
        // 10,000 due at one instant, that sort made each claim cost ~17 ms.
        builder.HasIndex(m => new { m.NextAttemptAt, m.Id })
            .HasFilter("status IN ('Pending', 'Failed', 'Sending')")
            .HasDatabaseName("ix_outgoing_messages_due");
        builder.HasIndex(m => m.CreatedAt);
        builder.HasMany(m => m.Attachments).WithOne().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutgoingAttachmentConfiguration : IEntityTypeConfiguration<OutgoingAttachment>
{
    public void Configure(EntityTypeBuilder<OutgoingAttachment> builder)
    {
        builder.ToTable("outgoing_attachments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.FileName).HasMaxLength(200);
        builder.Property(a => a.ContentType).HasMaxLength(200);
    }
}
