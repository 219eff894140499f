using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using OobcCalendar.Shared.Persistence;

namespace OobcCalendar.Host.Identity;

/// <summary>
/// Users, roles, organisation units and the data-protection key ring, on schema <c>identity</c>. The key
/// ring lives here so every host replica can read every other's cookies and antiforgery tokens.
/// </summary>
public sealed class IdentityStoreDbContext(DbContextOptions<IdentityStoreDbContext> options)
    : IdentityDbContext<ApplicationUser, ApplicationRole, Guid>(options), IDataProtectionKeyContext
{
    public const string SchemaName = "identity";

    public DbSet<OrganisationUnit> OrganisationUnits => Set<OrganisationUnit>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasDefaultSchema(SchemaName);
        // Identity names its tables explicitly (AspNetUsers...); keep the house's snake-case names instead.
        builder.Entity<ApplicationUser>().ToTable("users");
        builder.Entity<ApplicationRole>().ToTable("roles");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityRoleClaim<Guid>>().ToTable("role_claims");
        builder.Entity<ApplicationUser>(u =>
        {
            u.Property(x => x.DisplayName).HasMaxLength(200);
            u.Property(x => x.TimeZoneId).HasMaxLength(64);
            u.HasIndex(x => x.OrganisationUnitId);
            u.HasIndex(x => x.ManagerId);
        });
        builder.Entity<OrganisationUnit>(o =>
        {
            o.Property(x => x.Name).HasMaxLength(200);
            o.HasIndex(x => x.Name).IsUnique();
        });
    }
}

internal sealed class IdentityStoreDesignTimeFactory : ModuleDesignTimeFactory<IdentityStoreDbContext>, IDesignTimeDbContextFactory<IdentityStoreDbContext>
{
    public IdentityStoreDbContext CreateDbContext(string[] args) => new(DesignTimeOptions(IdentityStoreDbContext.SchemaName));
}
