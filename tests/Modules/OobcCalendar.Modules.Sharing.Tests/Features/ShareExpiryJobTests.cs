using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Modules.Sharing.Domain;
using OobcCalendar.Modules.Sharing.Features.Jobs;
using OobcCalendar.Modules.Sharing.Features.Links;
using OobcCalendar.Modules.Sharing.Persistence;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace OobcCalendar.Modules.Sharing.Tests.Features;

[Collection(SharingCollection.Name)]
public sealed class ShareExpiryJobTests(SharingFixture fixture)
{
    [Fact]
    public async Task Run_EndsExpiredLinksAndWarnsOfEndingOnes_OnceEach()
    {
        var now = fixture.Clock.GetUtcNow();
        var ending = await fixture.SendAs<CreatedShareLink>(fixture.StaffNo(5), new CreateShareLink(ShareScope.MyCalendar, null, ShareModules.Events, ShareDetailLevel.Titles, "Ends soon", now.AddDays(2).AddHours(1)));
        var lasting = await fixture.SendAs<CreatedShareLink>(fixture.StaffNo(5), new CreateShareLink(ShareScope.MyCalendar, null, ShareModules.Events, ShareDetailLevel.Titles, "Lasts", now.AddDays(20)));

        await RunJobAsync();
        fixture.Clock.Advance(TimeSpan.FromDays(3));
        await RunJobAsync();
        await RunJobAsync();

        (await fixture.OutboxCountAsync("ShareExpiringIntegrationEvent", ending.Id)).ShouldBe(1);
        (await fixture.OutboxCountAsync("ShareExpiredIntegrationEvent", ending.Id)).ShouldBe(1);
        (await fixture.LinkAsync(ending.Id)).IsActive.ShouldBeFalse();
        (await fixture.OutboxCountAsync("ShareExpiredIntegrationEvent", lasting.Id)).ShouldBe(0);
        (await fixture.OutboxCountAsync("ShareExpiringIntegrationEvent", lasting.Id)).ShouldBe(0);
    }

    private async Task RunJobAsync()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var job = ActivatorUtilities.CreateInstance<ShareExpiryJob>(scope.ServiceProvider);
        await job.RunAsync(CancellationToken.None);
    }
}
