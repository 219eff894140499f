using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Modules.Resources.Domain.Resources;
using OobcCalendar.Modules.Resources.Features.Bookings;
using OobcCalendar.Modules.Resources.Features.Resources;
using OobcCalendar.Modules.Resources.Persistence;
using OobcCalendar.Modules.Resources.Tests.Domain;
using OobcCalendar.Shared.Errors;
using Shouldly;

namespace OobcCalendar.Modules.Resources.Tests.Features;

[Collection(ResourcesCollection.Name)]
public sealed class RequestBookingTests(ResourcesFixture fixture)
{
    [Fact]
    public async Task RequestBooking_WhenFreeAndNoApprovalNeeded_IsApprovedAndAnnounced()
    {
        var room = await fixture.RoomAsync();

        var receipt = await fixture.SendAs<BookingReceipt>(fixture.Staff, new RequestBooking(room, Make.At(8, 10), Make.At(8, 11), "Team sync", 4));

        receipt.Status.ShouldBe("Approved");
        var types = await OutboxTypesAsync(receipt.BookingId);
        types.ShouldBe(["OobcCalendar.Modules.Resources.Contracts.BookingApprovedIntegrationEvent", "OobcCalendar.Modules.Resources.Contracts.BookingRequestedIntegrationEvent"], ignoreOrder: true);
    }

    [Fact]
    public async Task RequestBooking_WhenApprovalNeeded_IsPendingAndOnlyItsApproverSeesIt()
    {
        var room = await fixture.RoomAsync(approval: true);

        var receipt = await fixture.SendAs<BookingReceipt>(fixture.Staff, new RequestBooking(room, Make.At(8, 13), Make.At(8, 14), "Budget review", 6));

        receipt.Status.ShouldBe("Pending");
        var forApprover = await fixture.SendAs<IReadOnlyList<PendingApproval>>(fixture.Manager, new ListPendingApprovals());
        var forOther = await fixture.SendAs<IReadOnlyList<PendingApproval>>(fixture.OtherManager, new ListPendingApprovals());
        forApprover.ShouldContain(p => p.Booking.Id == receipt.BookingId);
        forOther.ShouldNotContain(p => p.Booking.Id == receipt.BookingId);
    }

    [Fact]
    public async Task RequestBooking_WhenSlotHeld_RefusesNamingConflictAndNextFreeSlots()
    {
        var room = await fixture.RoomAsync();
        await fixture.SendAs<BookingReceipt>(fixture.Staff, new RequestBooking(room, Make.At(9, 10), Make.At(9, 11), "Induction", 3));

        var error = await Should.ThrowAsync<SlotTakenException>(() =>
            fixture.SendAs<BookingReceipt>(fixture.Manager, new RequestBooking(room, Make.At(9, 10, 30), Make.At(9, 11, 30), "Clash", 3)));

        error.Message.ShouldContain("already booked");
        // The other booking is not the Manager's: the slot is named, what it is for is not (as on the timeline).
        error.Message.ShouldContain("(Booked)");
        error.Message.ShouldNotContain("Induction");
        error.Answer.Conflicts.ShouldAllBe(c => c.Description == "Booked");
        error.Answer.OtherTimes.ShouldNotBeEmpty();
        error.Answer.OtherTimes.ShouldAllBe(s => s.End <= Make.At(9, 10) || s.Start >= Make.At(9, 11));
    }

    [Fact]
    public async Task CheckAvailability_WhenTheHoldIsMine_ShowsItsPurpose_AndToOthersOnlyThatItIsHeld()
    {
        var room = await fixture.RoomAsync();
        await fixture.SendAs<BookingReceipt>(fixture.Staff, new RequestBooking(room, Make.At(9, 14), Make.At(9, 15), "Confidential hearing", 3));
        var query = new CheckAvailability(room, Make.At(9, 14, 30), Make.At(9, 15, 30), 3);

        var mine = await fixture.SendAs<AvailabilityAnswer>(fixture.Staff, query);
        var theirs = await fixture.SendAs<AvailabilityAnswer>(fixture.OtherManager, query);
        var admin = await fixture.SendAs<AvailabilityAnswer>(fixture.Admin, query);

        mine.Conflicts.ShouldHaveSingleItem().Description.ShouldBe("Confidential hearing");
        theirs.Conflicts.ShouldHaveSingleItem().Description.ShouldBe("Booked");
        admin.Conflicts.ShouldHaveSingleItem().Description.ShouldBe("Confidential hearing");
    }

    [Fact]
    public async Task RequestBooking_WhenBuffersWouldOverlap_Conflicts_ButTouchingAfterBuffersIsFine()
    {
        var room = await fixture.RoomAsync(new BookingRules { BufferAfterMinutes = 30 });
        await fixture.SendAs<BookingReceipt>(fixture.Staff, new RequestBooking(room, Make.At(10, 9), Make.At(10, 10), "First", 2));

        await Should.ThrowAsync<SlotTakenException>(() =>
            fixture.SendAs<BookingReceipt>(fixture.Staff, new RequestBooking(room, Make.At(10, 10, 15), Make.At(10, 11), "Inside buffer", 2)));
        var after = await fixture.SendAs<BookingReceipt>(fixture.Staff, new RequestBooking(room, Make.At(10, 10, 30), Make.At(10, 11), "After buffer", 2));

        after.Status.ShouldBe("Approved");
    }

    [Fact]
    public async Task RequestBooking_WhenBlackedOut_RefusesWithTheReason()
    {
        var room = await fixture.RoomAsync();
        await fixture.SendAs<Guid>(fixture.Admin, new AddBlackout(room, Make.At(11, 7), Make.At(11, 19), "Aircon repair"));

        var error = await Should.ThrowAsync<BusinessRuleException>(() =>
            fixture.SendAs<BookingReceipt>(fixture.Staff, new RequestBooking(room, Make.At(11, 10), Make.At(11, 11), "Meeting", 2)));

        error.Message.ShouldContain("Aircon repair");
    }

    [Fact]
    public async Task RequestBooking_WhenOfficeWideBlackout_RefusesEveryResource()
    {
        var room = await fixture.RoomAsync();
        await fixture.SendAs<Guid>(fixture.Admin, new AddBlackout(null, Make.At(24, 0), Make.At(26, 0), "Christmas"));

        await Should.ThrowAsync<BusinessRuleException>(() =>
            fixture.SendAs<BookingReceipt>(fixture.Staff, new RequestBooking(room, Make.At(24, 10), Make.At(24, 11), "Party", 2)));
    }

    [Fact]
    public async Task RequestBooking_WhenInputInvalid_ReportsFieldsAndSavesNothing()
    {
        var room = await fixture.RoomAsync();

        var error = await Should.ThrowAsync<InputValidationException>(() =>
            fixture.SendAs<BookingReceipt>(fixture.Staff, new RequestBooking(room, Make.At(8, 11), Make.At(8, 10), "", 0)));

        error.Errors.Keys.ShouldBe(["Purpose", "End", "ExpectedAttendees"], ignoreOrder: true);
        (await BookingCountAsync(room)).ShouldBe(0);
    }

    [Fact]
    public async Task RequestBooking_WhenOverCapacity_Refuses()
    {
        var room = await fixture.RoomAsync(capacity: 4);

        await Should.ThrowAsync<BusinessRuleException>(() =>
            fixture.SendAs<BookingReceipt>(fixture.Staff, new RequestBooking(room, Make.At(8, 15), Make.At(8, 16), "Big meeting", 9)));
    }

    [Fact]
    public async Task RequestBooking_WhenEarlierRequestWasRejected_CanTakeTheSlot()
    {
        var room = await fixture.RoomAsync(approval: true);
        var first = await fixture.SendAs<BookingReceipt>(fixture.Staff, new RequestBooking(room, Make.At(14, 9), Make.At(14, 10), "First", 2));
        await fixture.SendAs<DecisionOutcome>(fixture.Manager, new DecideBookings([first.BookingId], Approve: false, "Room reserved for audit"));

        var second = await fixture.SendAs<BookingReceipt>(fixture.Staff, new RequestBooking(room, Make.At(14, 9), Make.At(14, 10), "Second", 2));

        second.Status.ShouldBe("Pending");
    }

    [Fact]
    public async Task CheckAvailability_WhenTaken_SuggestsSimilarFreeRoomAtSameTime()
    {
        var feature = $"Feature {Guid.NewGuid():N}";
        var room = await fixture.RoomAsync(capacity: 10, features: [feature]);
        var twin = await fixture.RoomAsync(capacity: 12, features: [feature]);
        await fixture.SendAs<BookingReceipt>(fixture.Staff, new RequestBooking(room, Make.At(15, 10), Make.At(15, 11), "Taken", 2));

        var answer = await fixture.SendAs<AvailabilityAnswer>(fixture.Staff, new CheckAvailability(room, Make.At(15, 10), Make.At(15, 11), 8));

        answer.IsFree.ShouldBeFalse();
        answer.Conflicts.ShouldHaveSingleItem().Kind.ShouldBe("booked");
        answer.OtherResources.ShouldContain(s => s.ResourceId == twin && s.Start == Make.At(15, 10));
    }

    private async Task<int> BookingCountAsync(Guid resourceId)
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<ResourcesDbContext>>().CreateDbContextAsync();
        return await db.Bookings.CountAsync(b => b.ResourceId == resourceId);
    }

    private async Task<List<string>> OutboxTypesAsync(Guid bookingId)
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<ResourcesDbContext>>().CreateDbContextAsync();
        var id = bookingId.ToString();
        return await db.OutboxMessages.FromSqlInterpolated($"SELECT * FROM resources.outbox_messages WHERE payload->>'bookingId' = {id}").Select(m => m.Type).ToListAsync();
    }
}
