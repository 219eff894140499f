using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Resources.Domain.Bookings;
using OobcCalendar.Modules.Resources.Features.Bookings;
using OobcCalendar.Modules.Resources.Persistence;
using OobcCalendar.Modules.Resources.Tests.Domain;
using OobcCalendar.Shared.Errors;
using Shouldly;

namespace OobcCalendar.Modules.Resources.Tests.Features;

/// <summary>The requester's upcoming list keeps decisions others made until the requester dismisses them.</summary>
[Collection(ResourcesCollection.Name)]
public sealed class MyBookingsTests(ResourcesFixture fixture)
{
    [Fact]
    public async Task ListMyBookings_WhenApproverRejects_KeepsTheRequestWithItsReasonUntilDismissed()
    {
        var room = await fixture.RoomAsync(approval: true);
        var request = await fixture.SendAs<BookingReceipt>(fixture.Staff, new RequestBooking(room, Make.At(22, 9), Make.At(22, 10), "Planning", 3));
        await fixture.SendAs<DecisionOutcome>(fixture.Manager, new DecideBookings([request.BookingId], Approve: false, "The hall is being painted"));

        var before = (await UpcomingAsync()).Single(b => b.Id == request.BookingId);
        await fixture.SendAs<Unit>(fixture.Staff, new DismissBooking(request.BookingId));
        var after = await UpcomingAsync();
        var closed = await fixture.SendAs<IReadOnlyList<BookingItem>>(fixture.Staff, new ListMyBookings(Make.Now.AddDays(-1), IncludeClosed: true));

        before.Status.ShouldBe(BookingStatus.Rejected);
        before.DecisionReason.ShouldBe("The hall is being painted");
        before.ClosedByOthers.ShouldBeTrue();
        after.ShouldNotContain(b => b.Id == request.BookingId);
        closed.Single(b => b.Id == request.BookingId).DismissedByRequesterAt.ShouldBe(fixture.Clock.GetUtcNow());
    }

    [Fact]
    public async Task ListMyBookings_WhenAnApproverCancels_ShowsItButNotTheRequestersOwnCancellation()
    {
        var room = await fixture.RoomAsync();
        var byAdmin = await fixture.SendAs<BookingReceipt>(fixture.Staff, new RequestBooking(room, Make.At(22, 11), Make.At(22, 12), "Interviews", 2));
        var byMe = await fixture.SendAs<BookingReceipt>(fixture.Staff, new RequestBooking(room, Make.At(22, 13), Make.At(22, 14), "Changed my mind", 2));
        await fixture.SendAs<Unit>(fixture.Admin, new CancelBooking(byAdmin.BookingId));
        await fixture.SendAs<Unit>(fixture.Staff, new CancelBooking(byMe.BookingId));

        var upcoming = await UpcomingAsync();

        var cancelled = upcoming.Single(b => b.Id == byAdmin.BookingId);
        cancelled.Status.ShouldBe(BookingStatus.Cancelled);
        cancelled.CancelledBy.ShouldBe(fixture.Admin.Id);
        cancelled.ClosedByOthers.ShouldBeTrue();
        upcoming.ShouldNotContain(b => b.Id == byMe.BookingId);
    }

    [Fact]
    public async Task ListMyBookings_WhenTheRejectionIsOlderThanTwoWeeks_LeavesItOut()
    {
        var room = await fixture.RoomAsync(approval: true);
        var request = await fixture.SendAs<BookingReceipt>(fixture.Staff, new RequestBooking(room, Make.At(22, 15), Make.At(22, 16), "Old news", 3));
        await fixture.SendAs<DecisionOutcome>(fixture.Manager, new DecideBookings([request.BookingId], Approve: false, "Taken"));
        var recent = await UpcomingAsync();
        await fixture.WithServiceAsync<IDbContextFactory<ResourcesDbContext>, int>(async contexts =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            var longAgo = fixture.Clock.GetUtcNow() - ListMyBookingsHandler.RecentDecisions - TimeSpan.FromMinutes(1);
            return await db.Bookings.Where(b => b.Id == request.BookingId).ExecuteUpdateAsync(s => s.SetProperty(b => b.DecidedAt, longAgo));
        });

        var later = await UpcomingAsync();

        recent.ShouldContain(b => b.Id == request.BookingId);
        later.ShouldNotContain(b => b.Id == request.BookingId);
    }

    [Fact]
    public async Task DismissBooking_WhenTheBookingStillHoldsItsSlotOrIsSomeoneElses_IsRefused()
    {
        var room = await fixture.RoomAsync(approval: true);
        var request = await fixture.SendAs<BookingReceipt>(fixture.Staff, new RequestBooking(room, Make.At(23, 9), Make.At(23, 10), "Still pending", 3));

        var pending = await Should.ThrowAsync<BusinessRuleException>(() => fixture.SendAs<Unit>(fixture.Staff, new DismissBooking(request.BookingId)));
        await fixture.SendAs<DecisionOutcome>(fixture.Manager, new DecideBookings([request.BookingId], Approve: false, "No"));
        await Should.ThrowAsync<ForbiddenException>(() => fixture.SendAs<Unit>(fixture.Manager, new DismissBooking(request.BookingId)));

        pending.Message.ShouldContain("cancel it first");
        (await UpcomingAsync()).ShouldContain(b => b.Id == request.BookingId);
    }

    private Task<IReadOnlyList<BookingItem>> UpcomingAsync() =>
        fixture.SendAs<IReadOnlyList<BookingItem>>(fixture.Staff, new ListMyBookings(null, IncludeClosed: false));
}
