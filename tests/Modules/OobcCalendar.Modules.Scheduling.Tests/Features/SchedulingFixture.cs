using OobcCalendar.Shared.Users;
using OobcCalendar.Testing;

namespace OobcCalendar.Modules.Scheduling.Tests.Features;

/// <summary>
/// The real host on a fresh database with the clock frozen; tests act as demo users and create their own events.
/// Scheduling is on, and Resources, whose booking events Scheduling's busy check consumes; the rest are off.
/// </summary>
public sealed class SchedulingFixture() : ModuleFixture(new ModuleFixtureOptions("scheduling", ["Scheduling", "Resources"]) { FrozenAt = Now })
{
    /// <summary>Monday 1 March 2027, 08:00 in Manila.</summary>
    public static readonly DateTimeOffset Now = new(2027, 3, 1, 8, 0, 0, TimeSpan.FromHours(8));

    public DirectoryUser Admin { get; private set; } = default!;

    public DirectoryUser Manager { get; private set; } = default!;

    public DirectoryUser Staff { get; private set; } = default!;

    public DirectoryUser Staff2 { get; private set; } = default!;

    public DirectoryUser OtherUnitStaff { get; private set; } = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Admin = DemoUser("admin@oobc.gov.ph");
        Manager = DemoUser("manager.ops@oobc.gov.ph");
        Staff = DemoUser("staff1@oobc.gov.ph");
        Staff2 = DemoUser("staff2@oobc.gov.ph");
        OtherUnitStaff = DemoUsers.First(u => u.Roles.Contains(Roles.Staff) && u.OrganisationUnitId != Staff.OrganisationUnitId && !u.Roles.Contains(Roles.Admin));
    }
}

[CollectionDefinition(Name)]
public sealed class SchedulingCollection : ICollectionFixture<SchedulingFixture>
{
    public const string Name = "scheduling";
}
