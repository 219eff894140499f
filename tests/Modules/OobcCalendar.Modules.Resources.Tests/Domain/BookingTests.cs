using OobcCalendar.Modules.Resources.Domain.Bookings;
using OobcCalendar.Modules.Resources.Domain.Resources;
using OobcCalendar.Shared.Errors;
using Shouldly;

namespace OobcCalendar.Modules.Resources.Tests.Domain;

public sealed class BookingTests
{
    private static readonly Guid Requester = Guid.NewGuid();

    private static Booking Request(Resource resource, int startHour = 10, int endHour = 11) =>
        Booking.Request(Guid.NewGuid(), resource, new BookingRequest(Requester, Make.At(7, startHour), Make.At(7, endHour), "  Planning  ", 4, []), Make.Now);

    [Fact]
    public void Request_WhenResourceNeedsNoApproval_IsConfirmedAtOnce()
    {
        var booking = Request(Make.Room());

        booking.Status.ShouldBe(BookingStatus.Approved);
        booking.DecidedAt.ShouldBe(Make.Now);
        booking.Purpose.ShouldBe("Planning");
    }

    [Fact]
    public void Request_WhenResourceNeedsApproval_IsPending() =>
        Request(Make.Room(approval: true)).Status.ShouldBe(BookingStatus.Pending);

    [Fact]
    public void Request_WhenResourceHasBuffers_BlocksTheBufferedRange()
    {
        var booking = Request(Make.Room(new BookingRules { BufferBeforeMinutes = 15, BufferAfterMinutes = 30 }));

        booking.BlockedStart.ShouldBe(Make.At(7, 9, 45));
        booking.BlockedEnd.ShouldBe(Make.At(7, 11, 30));
    }

    [Fact]
    public void Request_WhenRuleBroken_CreatesNothingAndSaysWhy() =>
        Should.Throw<BusinessRuleException>(() => Request(Make.Room(), 20, 21));

    [Fact]
    public void Approve_WhenPending_RecordsWhoAndWhen()
    {
        var booking = Request(Make.Room(approval: true));
        var approver = Guid.NewGuid();

        booking.Approve(approver, Make.Now.AddMinutes(5));

        booking.Status.ShouldBe(BookingStatus.Approved);
        booking.DecidedBy.ShouldBe(approver);
        booking.DecidedAt.ShouldBe(Make.Now.AddMinutes(5));
    }

    [Fact]
    public void Approve_WhenAlreadyDecided_IsAConflict()
    {
        var booking = Request(Make.Room(approval: true));
        booking.Reject(Guid.NewGuid(), "Room under repair", Make.Now);

        Should.Throw<ConflictException>(() => booking.Approve(Guid.NewGuid(), Make.Now)).Message.ShouldContain("already rejected");
    }

    [Fact]
    public void Reject_WithoutReason_Refuses() =>
        Should.Throw<BusinessRuleException>(() => Request(Make.Room(approval: true)).Reject(Guid.NewGuid(), "  ", Make.Now));

    [Fact]
    public void Cancel_ByRequesterBeforeEnd_FreesTheSlot()
    {
        var booking = Request(Make.Room());

        booking.Cancel(Requester, mayCancelOthers: false, Make.Now);

        booking.Status.ShouldBe(BookingStatus.Cancelled);
        booking.HoldsSlot.ShouldBeFalse();
        booking.CancelledBy.ShouldBe(Requester);
    }

    [Fact]
    public void Cancel_BySomeoneElseWithoutRights_IsForbidden() =>
        Should.Throw<ForbiddenException>(() => Request(Make.Room()).Cancel(Guid.NewGuid(), mayCancelOthers: false, Make.Now));

    [Fact]
    public void Cancel_ByApprover_IsAllowed() =>
        Should.NotThrow(() => Request(Make.Room()).Cancel(Guid.NewGuid(), mayCancelOthers: true, Make.Now));

    [Fact]
    public void Cancel_AfterTheBookingEnded_Refuses() =>
        Should.Throw<BusinessRuleException>(() => Request(Make.Room()).Cancel(Requester, false, Make.At(7, 12)));

    [Fact]
    public void Cancel_WhenAlreadyCancelled_Refuses()
    {
        var booking = Request(Make.Room());
        booking.Cancel(Requester, false, Make.Now);

        Should.Throw<BusinessRuleException>(() => booking.Cancel(Requester, false, Make.Now)).Message.ShouldContain("already cancelled");
    }
}
