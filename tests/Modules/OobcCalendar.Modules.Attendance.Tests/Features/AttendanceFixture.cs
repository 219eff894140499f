using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Modules.Attendance.Contracts;
using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Shared.IntegrationEvents;
using OobcCalendar.Shared.Users;
using OobcCalendar.Testing;

namespace OobcCalendar.Modules.Attendance.Tests.Features;

/// <summary>
/// The real host with Scheduling and Attendance on, on a fresh database, the clock frozen at <see cref="Now"/> (Monday
/// 5 April 2027, 08:45 in Manila). Events are fed to Attendance's read model through its registered consumers.
/// </summary>
public sealed class AttendanceFixture() : ModuleFixture(new ModuleFixtureOptions("attendance", [SchedulingModuleContract.Name, AttendanceModuleContract.Name]) { FrozenAt = Now, Identity = TestIdentity.TestUserOutsideRequests })
{
    public static readonly DateTimeOffset Now = new(2027, 4, 5, 8, 45, 0, TimeSpan.FromHours(8));

    public DirectoryUser Admin { get; private set; } = default!;

    public DirectoryUser Organizer { get; private set; } = default!;

    public DirectoryUser Desk1 { get; private set; } = default!;

    public DirectoryUser Desk2 { get; private set; } = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Admin = DemoUser("admin@oobc.gov.ph");
        Organizer = DemoUser("manager.ops@oobc.gov.ph");
        Desk1 = DemoUser("desk1@oobc.gov.ph");
        Desk2 = DemoUser("desk2@oobc.gov.ph");
    }

    public DirectoryUser StaffNo(int n) => DemoUser($"staff{n}@oobc.gov.ph");

    /// <summary>Applies a Scheduling event through Attendance's registered consumer, as the dispatcher would.</summary>
    public async Task DeliverAsync<T>(T integrationEvent)
        where T : IIntegrationEvent
    {
        await using var scope = App.Services.CreateAsyncScope();
        foreach (var handler in scope.ServiceProvider.GetServices<IIntegrationEventHandler<T>>())
        {
            await handler.HandleAsync(integrationEvent, CancellationToken.None);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AttendanceCollection : ICollectionFixture<AttendanceFixture>
{
    public const string Name = "attendance";
}
