using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OobcCalendar.Modules.Resources.Domain.Bookings;

namespace OobcCalendar.Modules.Resources.Persistence.Configurations;

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    /// <summary>Name of the exclusion constraint; its violation (23P01) means "someone holds that slot".</summary>
    public const string NoOverlapConstraint = "ex_bookings_no_overlap";

    public void Configure(EntityTypeBuilder<Booking> builder)
    {
        builder.ToTable("bookings");
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.Purpose).HasMaxLength(500);
        builder.Property(b => b.DecisionReason).HasMaxLength(500);
        builder.Property(b => b.Version).IsRowVersion();
        builder.HasIndex(b => new { b.ResourceId, b.Start });
        builder.HasIndex(b => new { b.RequesterId, b.Start });
        builder.HasIndex(b => b.Status).HasFilter("status = 'Pending'").HasDatabaseName("ix_bookings_pending");
        builder.Ignore(b => b.HoldsSlot);
    }
}
