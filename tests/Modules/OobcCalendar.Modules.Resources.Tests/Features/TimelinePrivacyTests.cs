using OobcCalendar.Modules.Resources.Features.Bookings;
using OobcCalendar.Modules.Resources.Tests.Domain;
using Shouldly;

namespace OobcCalendar.Modules.Resources.Tests.Features;

/// <summary>Issue 9, finding 10: the availability timeline shows a booking's purpose only to those it concerns.</summary>
[Collection(ResourcesCollection.Name)]
public sealed class TimelinePrivacyTests(ResourcesFixture fixture)
{
    [Fact]
    public async Task GetTimeline_WhenOthersLook_ShowsBookedButRequesterApproverAndAdminSeePurpose()
    {
        var room = await fixture.RoomAsync(approval: true, approvers: [fixture.Manager.Id]);
        await fixture.SendAs<BookingReceipt>(fixture.Staff, new RequestBooking(room, Make.At(14, 9), Make.At(14, 10), "Salary talk with HR", 2));

        string LabelFor(Timeline t) => t.Blocks.Single(b => b.ResourceId == room && b.State != "blackout").Label;
        var query = new GetTimeline(Make.At(14, 0), Make.At(15, 0), null);

        LabelFor(await fixture.SendAs<Timeline>(fixture.Staff, query)).ShouldBe("Salary talk with HR");
        LabelFor(await fixture.SendAs<Timeline>(fixture.Manager, query)).ShouldBe("Salary talk with HR");
        LabelFor(await fixture.SendAs<Timeline>(fixture.Admin, query)).ShouldBe("Salary talk with HR");
        // A manager who is not this room's approver is just another colleague here.
        LabelFor(await fixture.SendAs<Timeline>(fixture.OtherManager, query)).ShouldBe("Booked");
    }

    [Fact]
    public async Task GetTimeline_WhenAttendeeLooks_SeesPurposeAndOutsiderDoesNot()
    {
        var room = await fixture.RoomAsync();
        await fixture.SendAs<BookingReceipt>(fixture.Manager, new RequestBooking(room, Make.At(15, 9), Make.At(15, 10), "Reorganisation plans", 2, [fixture.Staff.Id]));
        var query = new GetTimeline(Make.At(15, 0), Make.At(16, 0), null);

        var forAttendee = await fixture.SendAs<Timeline>(fixture.Staff, query);
        var forOutsider = await fixture.SendAs<Timeline>(fixture.OtherManager, query);

        forAttendee.Blocks.Single(b => b.ResourceId == room).Label.ShouldBe("Reorganisation plans");
        forOutsider.Blocks.Single(b => b.ResourceId == room).Label.ShouldBe("Booked");
        forOutsider.Blocks.ShouldNotContain(b => b.Label.Contains("Reorganisation", StringComparison.Ordinal));
    }
}
