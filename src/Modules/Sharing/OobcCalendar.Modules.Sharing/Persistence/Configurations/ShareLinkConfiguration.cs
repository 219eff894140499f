using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OobcCalendar.Modules.Sharing.Domain;

namespace OobcCalendar.Modules.Sharing.Persistence.Configurations;

internal sealed class ShareLinkConfiguration : IEntityTypeConfiguration<ShareLink>
{
    public void Configure(EntityTypeBuilder<ShareLink> builder)
    {
        builder.ToTable("share_links");
        builder.Property(l => l.Scope).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.Level).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.Label).HasMaxLength(ShareLink.LabelMaxLength);
        builder.Property(l => l.TimeZoneId).HasMaxLength(64);
        builder.Property(l => l.TokenHash).HasMaxLength(32);
        builder.Property(l => l.TokenPrefix).HasMaxLength(ShareToken.PrefixLength);
        builder.Property(l => l.PinHash).HasMaxLength(200);
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasIndex(l => l.OwnerId);
        builder.HasIndex(l => l.ExpiresAt);
    }
}

internal sealed class SharingSettingsConfiguration : IEntityTypeConfiguration<SharingSettings>
{
    public void Configure(EntityTypeBuilder<SharingSettings> builder)
    {
        builder.ToTable("settings");
        builder.Property(s => s.Id).ValueGeneratedNever();
    }
}
