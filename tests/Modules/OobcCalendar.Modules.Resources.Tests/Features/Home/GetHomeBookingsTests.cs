using Mediator;
using OobcCalendar.Modules.Resources.Domain.Bookings;
using OobcCalendar.Modules.Resources.Features.Bookings;
using OobcCalendar.Modules.Resources.Features.Home;
using OobcCalendar.Modules.Resources.Tests.Domain;
using Shouldly;

namespace OobcCalendar.Modules.Resources.Tests.Features.Home;

/// <summary>
/// The bookings card on Home, read from the real database. The requester is staff3, whom neither the demo seed nor
/// another test in this collection books for, so "soonest four" and "newest four" are this test's rows alone.
/// </summary>
[Collection(ResourcesCollection.Name)]
public sealed class GetHomeBookingsTests(ResourcesFixture fixture)
{
    [Fact]
    public async Task GetHomeBookings_WhenARequestIsPendingThenRejectedThenDismissed_MovesFromUpcomingToDecidedToGone()
    {
        var requester = fixture.DemoUser("staff3@oobc.gov.ph");
        var room = await fixture.RoomAsync(approval: true);
        var waitingBefore = (await HomeAsync(fixture.Manager)).WaitingCount;
        var request = await fixture.SendAs<BookingReceipt>(requester, new RequestBooking(room, Make.At(24, 9), Make.At(24, 10), "Home card check", 2));

        var pending = await HomeAsync(requester);
        var approver = await HomeAsync(fixture.Manager);
        await fixture.SendAs<DecisionOutcome>(fixture.Manager, new DecideBookings([request.BookingId], Approve: false, "Room under repair"));
        var rejected = await HomeAsync(requester);
        await fixture.SendAs<Unit>(requester, new DismissBooking(request.BookingId));
        var dismissed = await HomeAsync(requester);

        pending.Upcoming.ShouldContain(b => b.Id == request.BookingId && b.Status == BookingStatus.Pending);
        pending.IsApprover.ShouldBeFalse();
        pending.WaitingCount.ShouldBe(0);
        approver.IsApprover.ShouldBeTrue();
        approver.WaitingCount.ShouldBe(waitingBefore + 1);
        rejected.Upcoming.ShouldNotContain(b => b.Id == request.BookingId);
        rejected.Decided.ShouldContain(b => b.Id == request.BookingId && b.DecisionReason == "Room under repair");
        dismissed.Decided.ShouldNotContain(b => b.Id == request.BookingId);
        (await HomeAsync(fixture.Manager)).WaitingCount.ShouldBe(waitingBefore);
    }

    private Task<HomeBookings> HomeAsync(OobcCalendar.Shared.Users.DirectoryUser user) =>
        fixture.SendAs<HomeBookings>(user, new GetHomeBookings());
}
