using Mediator;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OobcCalendar.Modules.Resources.Domain.Resources;
using OobcCalendar.Modules.Resources.Features.Resources;
using OobcCalendar.Modules.Resources.Tests.Domain;
using OobcCalendar.Shared.Users;
using OobcCalendar.Testing;

namespace OobcCalendar.Modules.Resources.Tests.Features;

/// <summary>
/// The real host on a fresh database with the clock frozen at <see cref="Make.Now"/>. Tests act as demo
/// users; each test creates its own resources, so tests never share a slot.
/// </summary>
public sealed class ResourcesFixture : IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(Make.Now.ToUniversalTime());

    public TestCurrentUser User { get; } = new();

    public OobcAppFactory App { get; private set; } = default!;

    public DirectoryUser Admin { get; private set; } = default!;

    public DirectoryUser Manager { get; private set; } = default!;

    public DirectoryUser OtherManager { get; private set; } = default!;

    public DirectoryUser Staff { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("resources");
        App = new OobcAppFactory(
            connectionString,
            new Dictionary<string, string?> { ["Scheduler:Enabled"] = "false" },
            services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                // Mediator calls act as User; HTTP requests (the calendar feed) as whoever the cookie says.
                services.AddTestUserOutsideRequests(User);
            });
        App.Start();
        var directory = App.Services.GetRequiredService<IUserDirectory>();
        var everyone = await directory.SearchAsync("oobc.gov.ph", 50, CancellationToken.None);
        Admin = everyone.Single(u => u.Email == "admin@oobc.gov.ph");
        Manager = everyone.Single(u => u.Email == "manager.ops@oobc.gov.ph");
        OtherManager = everyone.Single(u => u.Email == "manager.programs@oobc.gov.ph");
        Staff = everyone.Single(u => u.Email == "staff1@oobc.gov.ph");
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>Sends a command or query as <paramref name="user"/> with their real roles.</summary>
    public async Task<T> SendAs<T>(DirectoryUser user, IMessage message)
    {
        User.ActAs(user.Id, [.. user.Roles]);
        await using var scope = App.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(message);
        return (T)result!;
    }

    /// <summary>An HTTP client holding <paramref name="user"/>'s sign-in cookie, got through the real sign-in form.</summary>
    public async Task<HttpClient> SignedInClientAsync(DirectoryUser user)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true });
        await client.SignInAsync(user.Email, DemoPassword);
        return client;
    }

    /// <summary>The password of every seeded demo user.</summary>
    public const string DemoPassword = "Oobc!Demo2026";

    /// <summary>A fresh room (as Admin) with a unique name.</summary>
    internal Task<Guid> RoomAsync(BookingRules? rules = null, bool approval = false, int capacity = 10, IReadOnlyList<Guid>? approvers = null, IReadOnlyList<string>? features = null) =>
        SendAs<Guid>(Admin, new SaveResource(null, ResourceKind.Room, $"Room {Guid.NewGuid():N}"[..16], "2F", capacity, features ?? ["Projector"], null,
            approval, approval ? approvers ?? [Manager.Id] : [], "Asia/Manila", rules ?? new BookingRules()));
}

[CollectionDefinition(Name)]
public sealed class ResourcesCollection : ICollectionFixture<ResourcesFixture>
{
    public const string Name = "resources";
}
