using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Modules.Leave.Contracts;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Modules.Sharing.Contracts;
using OobcCalendar.Modules.Sharing.Domain;
using OobcCalendar.Modules.Sharing.Features.Links;
using OobcCalendar.Modules.Sharing.Persistence;
using OobcCalendar.Shared.Users;
using OobcCalendar.Testing;

namespace OobcCalendar.Modules.Sharing.Tests.Features;

/// <summary>
/// The real host with Sharing and the modules it reads (Scheduling, Resources, Leave) on a fresh database, the clock
/// frozen at <see cref="Now"/> (Monday 1 March 2027, 08:00 in Manila); tests may move it forward, never back.
/// </summary>
public sealed class SharingFixture() : ModuleFixture(new ModuleFixtureOptions(
    "sharing", [SharingModuleContract.Name, SchedulingModuleContract.Name, ResourcesModuleContract.Name, LeaveModuleContract.Name])
{
    FrozenAt = Now,
    Identity = TestIdentity.TestUserOutsideRequests,
    // The feed's per-token limit is tested with a small one; every other test stays far below it (the leak property test
    // reads a few hundred feeds and pages from one address).
    Settings = new Dictionary<string, string?> { ["RateLimits:ShareToken:PermitLimit"] = "40", ["RateLimits:ShareAddress:PermitLimit"] = "5000" },
})
{
    public static readonly DateTimeOffset Now = new(2027, 3, 1, 8, 0, 0, TimeSpan.FromHours(8));

    public DirectoryUser Admin => DemoUser("admin@oobc.gov.ph");

    public DirectoryUser Manager => DemoUser("manager.ops@oobc.gov.ph");

    public DirectoryUser OtherManager => DemoUser("manager.programs@oobc.gov.ph");

    public DirectoryUser Staff => DemoUser("staff1@oobc.gov.ph");

    public DirectoryUser StaffNo(int n) => DemoUser($"staff{n}@oobc.gov.ph");

    internal Task<CreatedShareLink> ShareMineAsync(DirectoryUser user, ShareDetailLevel level = ShareDetailLevel.Titles, string? pin = null, string label = "For partners") =>
        SendAs<CreatedShareLink>(user, new CreateShareLink(ShareScope.MyCalendar, null, ShareModules.All, level, label, Pin: pin));

    internal async Task<ShareLink> LinkAsync(Guid id)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SharingDbContext>>().CreateDbContextAsync();
        return await db.Links.AsNoTracking().SingleAsync(l => l.Id == id);
    }

    internal async Task<int> OutboxCountAsync(string type, Guid linkId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SharingDbContext>>().CreateDbContextAsync();
        var id = linkId.ToString();
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.Type.Contains(type)).ToListAsync();
        return rows.Count(m => m.Payload.Contains(id, StringComparison.Ordinal));
    }
}

[CollectionDefinition(Name)]
public sealed class SharingCollection : ICollectionFixture<SharingFixture>
{
    public const string Name = "sharing";
}
