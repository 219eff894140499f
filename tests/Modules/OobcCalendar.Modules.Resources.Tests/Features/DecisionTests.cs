using OobcCalendar.Modules.Resources.Features.Bookings;
using OobcCalendar.Modules.Resources.Tests.Domain;
using OobcCalendar.Shared.Errors;
using Shouldly;

namespace OobcCalendar.Modules.Resources.Tests.Features;

[Collection(ResourcesCollection.Name)]
public sealed class DecisionTests(ResourcesFixture fixture)
{
    [Fact]
    public async Task DecideBookings_WhenApproverApproves_BookingIsApprovedAndLeavesThePendingList()
    {
        var room = await fixture.RoomAsync(approval: true);
        var request = await fixture.SendAs<BookingReceipt>(fixture.Staff, new RequestBooking(room, Make.At(16, 9), Make.At(16, 10), "Review", 3));

        var outcome = await fixture.SendAs<DecisionOutcome>(fixture.Manager, new DecideBookings([request.BookingId], Approve: true, null));

        outcome.Decided.ShouldBe([request.BookingId]);
        var mine = await fixture.SendAs<IReadOnlyList<BookingItem>>(fixture.Staff, new ListMyBookings(Make.Now, IncludeClosed: false));
        mine.Single(b => b.Id == request.BookingId).Status.ShouldBe(OobcCalendar.Modules.Resources.Domain.Bookings.BookingStatus.Approved);
        (await fixture.SendAs<IReadOnlyList<PendingApproval>>(fixture.Manager, new ListPendingApprovals())).ShouldNotContain(p => p.Booking.Id == request.BookingId);
    }

    [Fact]
    public async Task DecideBookings_WhenRejectingWithoutReason_ReportsTheFieldAndChangesNothing()
    {
        var room = await fixture.RoomAsync(approval: true);
        var request = await fixture.SendAs<BookingReceipt>(fixture.Staff, new RequestBooking(room, Make.At(16, 11), Make.At(16, 12), "Review", 3));

        var error = await Should.ThrowAsync<InputValidationException>(() => fixture.SendAs<DecisionOutcome>(fixture.Manager, new DecideBookings([request.BookingId], false, " ")));

        error.Errors.ShouldContainKey("Reason");
        (await fixture.SendAs<IReadOnlyList<PendingApproval>>(fixture.Manager, new ListPendingApprovals())).ShouldContain(p => p.Booking.Id == request.BookingId);
    }

    [Fact]
    public async Task DecideBookings_WhenCallerIsNotAnApprover_IsRefused()
    {
        var room = await fixture.RoomAsync(approval: true, approvers: [fixture.Manager.Id]);
        var request = await fixture.SendAs<BookingReceipt>(fixture.Staff, new RequestBooking(room, Make.At(16, 13), Make.At(16, 14), "Review", 3));

        var error = await Should.ThrowAsync<ConflictException>(() => fixture.SendAs<DecisionOutcome>(fixture.OtherManager, new DecideBookings([request.BookingId], true, null)));

        error.Message.ShouldContain("not an approver");
    }

    [Fact]
    public async Task DecideBookings_WhenTwoApproversDecideAtOnce_ExactlyOneWins()
    {
        var room = await fixture.RoomAsync(approval: true, approvers: [fixture.Manager.Id, fixture.OtherManager.Id]);
        for (var round = 0; round < 10; round++)
        {
            var request = await fixture.SendAs<BookingReceipt>(fixture.Staff, new RequestBooking(room, Make.At(17, 7).AddHours(round), Make.At(17, 8).AddHours(round), $"Race {round}", 2));
            using var start = new ManualResetEventSlim();
            var approve = Task.Run(async () => { start.Wait(); return await TryAsync(fixture.Manager, new DecideBookings([request.BookingId], true, null)); });
            var reject = Task.Run(async () => { start.Wait(); return await TryAsync(fixture.OtherManager, new DecideBookings([request.BookingId], false, "Clash with audit")); });
            start.Set();

            var results = await Task.WhenAll(approve, reject);

            results.Count(r => r is null).ShouldBe(1, $"round {round}: exactly one decision may succeed");
            results.Single(r => r is not null)!.ShouldBeOfType<ConflictException>();
        }
    }

    [Fact]
    public async Task DecideBookings_WhenSomeFailInBulk_DecidesTheRestAndSaysWhy()
    {
        var room = await fixture.RoomAsync(approval: true);
        var first = await fixture.SendAs<BookingReceipt>(fixture.Staff, new RequestBooking(room, Make.At(18, 9), Make.At(18, 10), "One", 2));
        var second = await fixture.SendAs<BookingReceipt>(fixture.Staff, new RequestBooking(room, Make.At(18, 10), Make.At(18, 11), "Two", 2));
        await fixture.SendAs<DecisionOutcome>(fixture.Manager, new DecideBookings([first.BookingId], true, null));

        var outcome = await fixture.SendAs<DecisionOutcome>(fixture.Manager, new DecideBookings([first.BookingId, second.BookingId], true, null));

        outcome.Decided.ShouldBe([second.BookingId]);
        outcome.Failed[first.BookingId].ShouldContain("already approved");
    }

    [Fact]
    public async Task CancelBooking_WhenRequesterCancels_FreesTheSlotForOthers()
    {
        var room = await fixture.RoomAsync();
        var booking = await fixture.SendAs<BookingReceipt>(fixture.Staff, new RequestBooking(room, Make.At(21, 9), Make.At(21, 10), "Mine", 2));

        await fixture.SendAs<Mediator.Unit>(fixture.Staff, new CancelBooking(booking.BookingId));
        var again = await fixture.SendAs<BookingReceipt>(fixture.Manager, new RequestBooking(room, Make.At(21, 9), Make.At(21, 10), "Now mine", 2));

        again.Status.ShouldBe("Approved");
    }

    [Fact]
    public async Task CancelBooking_WhenAnotherStaffTries_IsForbidden()
    {
        var room = await fixture.RoomAsync();
        var booking = await fixture.SendAs<BookingReceipt>(fixture.Staff, new RequestBooking(room, Make.At(21, 11), Make.At(21, 12), "Mine", 2));
        var colleague = fixture.Staff with { Id = Guid.NewGuid() };

        await Should.ThrowAsync<ForbiddenException>(() => fixture.SendAs<Mediator.Unit>(colleague, new CancelBooking(booking.BookingId)));
    }

    private async Task<Exception?> TryAsync(Shared.Users.DirectoryUser user, DecideBookings command)
    {
        try
        {
            // Each racer acts through its own scope; the fixture's user is shared, so pass identity per call.
            await fixture.SendAs<DecisionOutcome>(user, command);
            return null;
        }
        catch (UserFacingException ex)
        {
            return ex;
        }
    }
}
