using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OobcCalendar.Shared.Users;
using OobcCalendar.Testing;

namespace OobcCalendar.Modules.Scheduling.Tests.Features;

/// <summary>The real host on a fresh database with the clock frozen; tests act as demo users and create their own events.</summary>
public sealed class SchedulingFixture : IAsyncLifetime
{
    /// <summary>Monday 1 March 2027, 08:00 in Manila.</summary>
    public static readonly DateTimeOffset Now = new(2027, 3, 1, 8, 0, 0, TimeSpan.FromHours(8));

    public FakeTimeProvider Clock { get; } = new(Now.ToUniversalTime());

    public TestCurrentUser User { get; } = new();

    public OobcAppFactory App { get; private set; } = default!;

    public DirectoryUser Admin { get; private set; } = default!;

    public DirectoryUser Manager { get; private set; } = default!;

    public DirectoryUser Staff { get; private set; } = default!;

    public DirectoryUser Staff2 { get; private set; } = default!;

    public DirectoryUser OtherUnitStaff { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("scheduling");
        App = new OobcAppFactory(
            connectionString,
            new Dictionary<string, string?> { ["Scheduler:Enabled"] = "false", ["Seed:Demo"] = "true" },
            services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                services.AddScoped<ICurrentUser>(_ => User);
            });
        App.Start();
        var directory = App.Services.GetRequiredService<IUserDirectory>();
        var everyone = await directory.SearchAsync("oobc.gov.ph", 50, CancellationToken.None);
        Admin = everyone.Single(u => u.Email == "admin@oobc.gov.ph");
        Manager = everyone.Single(u => u.Email == "manager.ops@oobc.gov.ph");
        Staff = everyone.Single(u => u.Email == "staff1@oobc.gov.ph");
        Staff2 = everyone.Single(u => u.Email == "staff2@oobc.gov.ph");
        OtherUnitStaff = everyone.First(u => u.Roles.Contains(Roles.Staff) && u.OrganisationUnitId != Staff.OrganisationUnitId && !u.Roles.Contains(Roles.Admin));
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

    /// <summary>Runs a scope's service (e.g. a DbContext factory) outside the mediator.</summary>
    public async Task<T> WithServiceAsync<TService, T>(Func<TService, Task<T>> use)
        where TService : notnull
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }
}

[CollectionDefinition(Name)]
public sealed class SchedulingCollection : ICollectionFixture<SchedulingFixture>
{
    public const string Name = "scheduling";
}
