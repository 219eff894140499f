using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OobcCalendar.Modules.Leave.Domain.Approvers;

namespace OobcCalendar.Modules.Leave.Persistence.Configurations;

internal sealed class ApprovalDelegationConfiguration : IEntityTypeConfiguration<ApprovalDelegation>
{
    /// <summary>Name of the exclusion constraint; its violation (23P01) means "this manager already has a substitute then".</summary>
    public const string NoOverlapConstraint = "ex_approval_delegations_no_overlap";

    public void Configure(EntityTypeBuilder<ApprovalDelegation> builder)
    {
        builder.ToTable("approval_delegations");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.HasIndex(d => new { d.ManagerId, d.ToDay });
        builder.HasIndex(d => new { d.SubstituteId, d.ToDay });
        builder.Ignore(d => d.IsEnded);
    }
}

internal sealed class HrApproverConfiguration : IEntityTypeConfiguration<HrApprover>
{
    public void Configure(EntityTypeBuilder<HrApprover> builder)
    {
        builder.ToTable("hr_approvers");
        builder.HasKey(h => h.PersonId);
        builder.Property(h => h.PersonId).ValueGeneratedNever();
    }
}
