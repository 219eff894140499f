using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OobcCalendar.Modules.Leave.Domain.LeaveTypes;

namespace OobcCalendar.Modules.Leave.Persistence.Configurations;

internal sealed class LeaveTypeConfiguration : IEntityTypeConfiguration<LeaveType>
{
    public void Configure(EntityTypeBuilder<LeaveType> builder)
    {
        builder.ToTable("leave_types");
        builder.ComplexProperty(t => t.Settings, s =>
        {
            // Plain column names: the settings are the type's own columns.
            s.Property(x => x.Code).HasColumnName("code").HasMaxLength(16);
            s.Property(x => x.Name).HasColumnName("name").HasMaxLength(100);
            s.Property(x => x.HasBalance).HasColumnName("has_balance");
            s.Property(x => x.Earning).HasColumnName("earning").HasConversion<string>().HasMaxLength(16);
            s.Property(x => x.EarnedDays).HasColumnName("earned_days").HasPrecision(7, 3);
            s.Property(x => x.CarryOverCapDays).HasColumnName("carry_over_cap_days").HasPrecision(7, 3);
            s.Property(x => x.Remainder).HasColumnName("remainder").HasConversion<string>().HasMaxLength(16);
            s.Property(x => x.HalfDaysAllowed).HasColumnName("half_days_allowed");
            s.Property(x => x.MinimumNoticeWorkingDays).HasColumnName("minimum_notice_working_days");
            s.Property(x => x.DocumentRequiredAfterDays).HasColumnName("document_required_after_days").HasPrecision(7, 3);
            s.Property(x => x.SecondApprovalAfterDays).HasColumnName("second_approval_after_days").HasPrecision(7, 3);
            s.Property(x => x.Paid).HasColumnName("paid");
            s.Property(x => x.Colour).HasColumnName("colour").HasMaxLength(20);
            s.Property(x => x.IsPrivate).HasColumnName("is_private");
            s.Property(x => x.ChargedToCode).HasColumnName("charged_to_code").HasMaxLength(16);
            s.Property(x => x.RequiredDaysPerYear).HasColumnName("required_days_per_year").HasPrecision(7, 3);
            s.Property(x => x.RequiredFromBalanceDays).HasColumnName("required_from_balance_days").HasPrecision(7, 3);
        });
        builder.Ignore(t => t.Code);
        builder.Ignore(t => t.Name);
        builder.Ignore(t => t.SpendsOwnCredits);
    }
}

internal sealed class HolidayConfiguration : IEntityTypeConfiguration<Domain.Holidays.Holiday>
{
    public void Configure(EntityTypeBuilder<Domain.Holidays.Holiday> builder)
    {
        builder.ToTable("holidays");
        builder.Property(h => h.Name).HasMaxLength(150);
        builder.Property(h => h.Kind).HasConversion<string>().HasMaxLength(24);
        builder.HasIndex(h => h.Date);
    }
}

internal sealed class LeaveProfileConfiguration : IEntityTypeConfiguration<Domain.People.LeaveProfile>
{
    public void Configure(EntityTypeBuilder<Domain.People.LeaveProfile> builder)
    {
        builder.ToTable("leave_profiles");
        builder.HasKey(p => p.PersonId);
        builder.Property(p => p.PersonId).ValueGeneratedNever();
    }
}
