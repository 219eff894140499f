using OobcCalendar.Modules.Leave.Contracts;
using OobcCalendar.Shared.Users;
using OobcCalendar.Testing;

namespace OobcCalendar.Modules.Leave.Tests.Features;

/// <summary>
/// The real host with only Leave on, on a fresh database, the clock frozen at <see cref="Now"/> (Monday 1 March 2027,
/// 08:00 in Manila). Staff1..3 report to the operations manager, Staff4..5 to the programs manager.
/// </summary>
public sealed class LeaveFixture() : ModuleFixture(new ModuleFixtureOptions("leave", [LeaveModuleContract.Name]) { FrozenAt = Now, Identity = TestIdentity.TestUserOutsideRequests })
{
    public static readonly DateTimeOffset Now = new(2027, 3, 1, 8, 0, 0, TimeSpan.FromHours(8));

    public DirectoryUser Admin { get; private set; } = default!;

    public DirectoryUser Manager { get; private set; } = default!;

    public DirectoryUser OtherManager { get; private set; } = default!;

    public DirectoryUser Staff { get; private set; } = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Admin = DemoUser("admin@oobc.gov.ph");
        Manager = DemoUser("manager.ops@oobc.gov.ph");
        OtherManager = DemoUser("manager.programs@oobc.gov.ph");
        Staff = DemoUser("staff1@oobc.gov.ph");
    }

    public DirectoryUser StaffNo(int n) => DemoUser($"staff{n}@oobc.gov.ph");
}

[CollectionDefinition(Name)]
public sealed class LeaveCollection : ICollectionFixture<LeaveFixture>
{
    public const string Name = "leave";
}
