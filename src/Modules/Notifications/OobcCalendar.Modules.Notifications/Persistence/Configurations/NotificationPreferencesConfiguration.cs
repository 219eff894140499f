using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OobcCalendar.Modules.Notifications.Domain.Preferences;

namespace OobcCalendar.Modules.Notifications.Persistence.Configurations;

internal sealed class NotificationPreferencesConfiguration : IEntityTypeConfiguration<NotificationPreferences>
{
    public void Configure(EntityTypeBuilder<NotificationPreferences> builder)
    {
        builder.ToTable("notification_preferences");
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.TimeZoneId).HasMaxLength(100);
        builder.Ignore(p => p.Quiet);
    }
}
