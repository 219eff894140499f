using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OobcCalendar.Modules.Resources.Domain.Resources;

namespace OobcCalendar.Modules.Resources.Persistence.Configurations;

internal sealed class ResourceConfiguration : IEntityTypeConfiguration<Resource>
{
    public void Configure(EntityTypeBuilder<Resource> builder)
    {
        builder.ToTable("resources");
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Name).HasMaxLength(150);
        builder.Property(r => r.Location).HasMaxLength(200);
        builder.Property(r => r.Identifier).HasMaxLength(40);
        builder.Property(r => r.Description).HasMaxLength(2000);
        builder.Property(r => r.TimeZoneId).HasMaxLength(64);
        builder.HasIndex(r => r.Name).IsUnique();
        builder.OwnsOne(r => r.Rules, rules => rules.ToTable("resources"));
    }
}

internal sealed class BlackoutConfiguration : IEntityTypeConfiguration<Blackout>
{
    public void Configure(EntityTypeBuilder<Blackout> builder)
    {
        builder.ToTable("blackouts");
        builder.Property(b => b.Reason).HasMaxLength(300);
        builder.HasIndex(b => new { b.ResourceId, b.Start });
    }
}
