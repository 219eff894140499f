using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Modules.Resources.Domain.Resources;
using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Modules.Resources.Features.Resources;
using OobcCalendar.Modules.Resources.Tests.Domain;
using OobcCalendar.Shared.Users;
using OobcCalendar.Testing;

namespace OobcCalendar.Modules.Resources.Tests.Features;

/// <summary>
/// The real host with only Resources on, on a fresh database with the clock frozen at <see cref="Make.Now"/>.
/// Tests act as demo users; each test creates its own resources, so tests never share a slot. Mediator calls
/// act as <see cref="ModuleFixture.User"/>; HTTP requests (the calendar feed) as whoever the cookie says.
/// </summary>
public class ResourcesFixture : ModuleFixture
{
    public ResourcesFixture()
        : this("resources", [ResourcesModuleContract.Name])
    {
    }

    /// <summary>For fixtures that need more modules beside Resources (a consumer of its events).</summary>
    protected ResourcesFixture(string databasePrefix, IReadOnlyCollection<string> modules)
        : this(databasePrefix, modules, new EfEventLog())
    {
    }

    private ResourcesFixture(string databasePrefix, IReadOnlyCollection<string> modules, EfEventLog efEvents)
        : base(new ModuleFixtureOptions(databasePrefix, modules)
        {
            FrozenAt = Make.Now,
            Identity = TestIdentity.TestUserOutsideRequests,
            Services = services => services.AddSingleton<ILoggerProvider>(efEvents),
        })
    {
        EfEvents = efEvents;
    }

    /// <summary>The warnings EF Core logged in this host.</summary>
    public EfEventLog EfEvents { get; }

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

    /// <summary>An HTTP client holding <paramref name="user"/>'s sign-in cookie, following redirects.</summary>
    public Task<HttpClient> SignedInClientAsync(DirectoryUser user) => SignedInClientAsync(user, followRedirects: true);

    /// <summary>A fresh room (as Admin) with a unique name.</summary>
    internal Task<Guid> RoomAsync(BookingRules? rules = null, bool approval = false, int capacity = 10, IReadOnlyList<Guid>? approvers = null, IReadOnlyList<string>? features = null) =>
        SendAs<Guid>(Admin, new SaveResource(null, ResourceKind.Room, $"Room {Guid.NewGuid():N}"[..16], "2F", capacity, features ?? ["Projector"], null,
            approval, approval ? approvers ?? [Manager.Id] : [], "Asia/Manila", rules ?? new BookingRules()));
}

/// <summary>Resources with Scheduling on, for the tests that follow a booking's events into Scheduling's read model.</summary>
public sealed class ResourcesWithSchedulingFixture() : ResourcesFixture("resources-scheduling", [ResourcesModuleContract.Name, SchedulingModuleContract.Name]);

[CollectionDefinition(Name)]
public sealed class ResourcesCollection : ICollectionFixture<ResourcesFixture>
{
    public const string Name = "resources";
}
