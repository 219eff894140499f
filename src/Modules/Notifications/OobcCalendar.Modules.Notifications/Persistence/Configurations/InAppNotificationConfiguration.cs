using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OobcCalendar.Modules.Notifications.Domain.InApp;

namespace OobcCalendar.Modules.Notifications.Persistence.Configurations;

internal sealed class InAppNotificationConfiguration : IEntityTypeConfiguration<InAppNotification>
{
    public void Configure(EntityTypeBuilder<InAppNotification> builder)
    {
        builder.ToTable("in_app_notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Type).HasMaxLength(100);
        builder.Property(n => n.DedupeKey).HasMaxLength(400);
        builder.Property(n => n.Title).HasMaxLength(300);
        builder.Property(n => n.Body).HasMaxLength(1000);
        builder.Property(n => n.Link).HasMaxLength(500);
        builder.HasIndex(n => new { n.UserId, n.DedupeKey }).IsUnique();
        builder.HasIndex(n => new { n.UserId, n.CreatedAt });
        // The bell's count: only unread rows are indexed.
        builder.HasIndex(n => n.UserId).HasFilter("read_at IS NULL").HasDatabaseName("ix_in_app_notifications_unread");
    }
}
