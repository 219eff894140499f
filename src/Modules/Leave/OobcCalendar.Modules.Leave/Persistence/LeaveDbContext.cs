using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Leave.Domain.Approvers;
using OobcCalendar.Modules.Leave.Domain.Holidays;
using OobcCalendar.Modules.Leave.Domain.LeaveTypes;
using OobcCalendar.Modules.Leave.Domain.Ledger;
using OobcCalendar.Modules.Leave.Domain.People;
using OobcCalendar.Modules.Leave.Domain.Requests;
using OobcCalendar.Modules.Leave.Persistence.Configurations;
using OobcCalendar.Shared.Persistence;

namespace OobcCalendar.Modules.Leave.Persistence;

/// <summary>The Leave module's unit of work, on schema <c>leave</c>.</summary>
internal sealed class LeaveDbContext(DbContextOptions<LeaveDbContext> options) : ModuleDbContext(options)
{
    internal const string SchemaName = "leave";

    public override string Schema => SchemaName;

    public DbSet<LeaveType> LeaveTypes => Set<LeaveType>();

    public DbSet<Holiday> Holidays => Set<Holiday>();

    public DbSet<LeaveRequest> Requests => Set<LeaveRequest>();

    public DbSet<LeaveDocument> Documents => Set<LeaveDocument>();

    public DbSet<LedgerEntry> Ledger => Set<LedgerEntry>();

    public DbSet<LeaveProfile> Profiles => Set<LeaveProfile>();

    public DbSet<HolidaySeedYear> HolidaySeedYears => Set<HolidaySeedYear>();

    public DbSet<ClosedLeaveYear> ClosedYears => Set<ClosedLeaveYear>();

    public DbSet<ApprovalDelegation> Delegations => Set<ApprovalDelegation>();

    public DbSet<HrApprover> HrApprovers => Set<HrApprover>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        // Entity configurations are applied one by one (no assembly scanning).
        modelBuilder.ApplyConfiguration(new LeaveTypeConfiguration());
        modelBuilder.ApplyConfiguration(new HolidayConfiguration());
        modelBuilder.ApplyConfiguration(new LeaveProfileConfiguration());
        modelBuilder.ApplyConfiguration(new LeaveRequestConfiguration());
        modelBuilder.ApplyConfiguration(new LeaveDocumentConfiguration());
        modelBuilder.ApplyConfiguration(new LedgerEntryConfiguration());
        modelBuilder.ApplyConfiguration(new ApprovalDelegationConfiguration());
        modelBuilder.ApplyConfiguration(new HrApproverConfiguration());
        modelBuilder.ApplyConfiguration<HolidaySeedYear>(new YearMarkersConfiguration());
        modelBuilder.ApplyConfiguration<ClosedLeaveYear>(new YearMarkersConfiguration());
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host.</summary>
internal sealed class LeaveDesignTimeFactory : ModuleDesignTimeFactory<LeaveDbContext>, Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<LeaveDbContext>
{
    public LeaveDbContext CreateDbContext(string[] args) => new(DesignTimeOptions(LeaveDbContext.SchemaName));
}
