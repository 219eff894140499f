using Microsoft.AspNetCore.Identity;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Host.Identity;

/// <summary>A person who signs in, and their place in the office directory.</summary>
public sealed class ApplicationUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = string.Empty;

    public Guid? OrganisationUnitId { get; set; }

    public Guid? ManagerId { get; set; }

    public string TimeZoneId { get; set; } = OfficeTime.DefaultTimeZoneId;

    /// <summary>Deactivated users cannot sign in and are dropped from pickers; their history stays.</summary>
    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A role (see <see cref="Roles"/>).</summary>
public sealed class ApplicationRole : IdentityRole<Guid>
{
    public ApplicationRole()
    {
    }

    public ApplicationRole(string name)
        : base(name)
    {
        Id = Guid.CreateVersion7();
        NormalizedName = name.ToUpperInvariant();
    }
}

/// <summary>An organisation unit (division, section) users belong to.</summary>
public sealed class OrganisationUnit
{
    public Guid Id { get; set; }

    public string Name { get; set; } = string.Empty;
}
