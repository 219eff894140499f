using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Modules.Resources.Features.Bookings;
using OobcCalendar.Modules.Resources.Tests.Domain;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.Users;
using Shouldly;

namespace OobcCalendar.Modules.Resources.Tests.Features;

/// <summary>The drawer's "Booking approvals" count, against the real database.</summary>
[Collection(ResourcesCollection.Name)]
public sealed class PendingApprovalsBadgeTests(ResourcesFixture fixture)
{
    [Fact]
    public async Task CountAsync_WhenRequestWaitsForApprover_CountsItForThemAndNotForOthers()
    {
        var room = await fixture.RoomAsync(approval: true, approvers: [fixture.Manager.Id]);
        var managerBefore = await CountAsync(fixture.Manager);
        var otherBefore = await CountAsync(fixture.OtherManager);

        await fixture.SendAs<BookingReceipt>(fixture.Staff, new RequestBooking(room, Make.At(22, 9), Make.At(22, 10), "Badge", 2));

        (await CountAsync(fixture.Manager)).ShouldBe(managerBefore + 1);
        (await CountAsync(fixture.OtherManager)).ShouldBe(otherBefore);
        (await CountAsync(fixture.Staff)).ShouldBe(0);
    }

    [Fact]
    public async Task CountAsync_WhenRequestIsApproved_DropsByOne()
    {
        var room = await fixture.RoomAsync(approval: true, approvers: [fixture.Manager.Id]);
        var request = await fixture.SendAs<BookingReceipt>(fixture.Staff, new RequestBooking(room, Make.At(22, 11), Make.At(22, 12), "Badge", 2));
        var before = await CountAsync(fixture.Manager);

        await fixture.SendAs<DecisionOutcome>(fixture.Manager, new DecideBookings([request.BookingId], Approve: true, null));

        (await CountAsync(fixture.Manager)).ShouldBe(before - 1);
    }

    private async Task<int> CountAsync(DirectoryUser user)
    {
        fixture.User.ActAs(user.Id, [.. user.Roles]);
        var source = fixture.App.Services.GetServices<INavBadgeSource>().Single(s => s.Key == PendingApprovalsBadge.BadgeKey);
        return await source.CountAsync(fixture.User, CancellationToken.None);
    }
}
