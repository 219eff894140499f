using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Modules.Resources.Domain.Resources;
using OobcCalendar.Modules.Resources.Features.Bookings;
using OobcCalendar.Modules.Resources.Features.Resources;
using OobcCalendar.Modules.Sharing.Domain;
using OobcCalendar.Modules.Sharing.Features.Links;
using OobcCalendar.Shared.Errors;
using Shouldly;

namespace OobcCalendar.Modules.Sharing.Tests.Features;

/// <summary>
/// A resource's bookings (ADR 0032): shared by whoever manages the resource in Resources (its approvers, Admin), nobody
/// else. Each test makes its own room, booked in the second week of March 2027.
/// </summary>
[Collection(SharingCollection.Name)]
public sealed class ResourceScopeTests(SharingFixture fixture)
{
    private static readonly DateTimeOffset Monday = new(2027, 3, 8, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Create_ResourceScope_WhenTheManagerApprovesIt_WorksAndTheFeedHasItsBookingsOnly()
    {
        var room = await RoomAsync(approvers: [fixture.Manager.Id]);
        var other = await RoomAsync(approvers: [fixture.Manager.Id]);
        var booked = await fixture.SendAs<BookingReceipt>(fixture.StaffNo(5), new RequestBooking(room, Monday, Monday.AddHours(1), "Budget hearing prep", 4));
        var pending = await fixture.SendAs<BookingReceipt>(fixture.StaffNo(5), new RequestBooking(room, Monday.AddHours(2), Monday.AddHours(3), "Still pending talk", 4));
        await fixture.SendAs<DecisionOutcome>(fixture.Manager, new DecideBookings([booked.BookingId], true, null));
        var elsewhere = await fixture.SendAs<BookingReceipt>(fixture.StaffNo(5), new RequestBooking(other, Monday.AddDays(1), Monday.AddDays(1).AddHours(1), "Other room talk", 4));
        await fixture.SendAs<DecisionOutcome>(fixture.Manager, new DecideBookings([elsewhere.BookingId], true, null));

        var managed = await fixture.SendAs<IReadOnlyList<ManagedResource>>(fixture.Manager, new ListManagedResources());
        var link = await fixture.SendAs<CreatedShareLink>(fixture.Manager, new CreateShareLink(ShareScope.Resource, room, ShareModules.Bookings, ShareDetailLevel.Details, "Room for partners"));
        var feed = await (await fixture.Anonymous().GetAsync($"/share/{link.Token}.ics")).Content.ReadAsStringAsync();

        managed.ShouldContain(r => r.ResourceId == room);
        feed.ShouldContain("Budget hearing prep");
        feed.ShouldNotContain("Other room talk");
        feed.ShouldNotContain("Still pending talk");
        pending.Status.ShouldBe("Pending");
    }

    [Fact]
    public async Task Create_ResourceScope_WhenAnotherManagerIsItsApprover_IsForbidden()
    {
        var room = await RoomAsync(approvers: [fixture.Manager.Id]);

        var error = await Should.ThrowAsync<ForbiddenException>(() => fixture.SendAs<CreatedShareLink>(fixture.OtherManager,
            new CreateShareLink(ShareScope.Resource, room, ShareModules.Bookings, ShareDetailLevel.Titles, "Not mine")));

        error.Message.ShouldContain("manages that resource");
    }

    [Fact]
    public async Task Create_ResourceScope_WhenStaff_IsForbidden_ButAnAdminMay()
    {
        var room = await RoomAsync(approvers: [fixture.Manager.Id]);
        var command = new CreateShareLink(ShareScope.Resource, room, ShareModules.Bookings, ShareDetailLevel.Titles, "Room link");

        await Should.ThrowAsync<ForbiddenException>(() => fixture.SendAs<CreatedShareLink>(fixture.Staff, command));
        var created = await fixture.SendAs<CreatedShareLink>(fixture.Admin, command);

        (await fixture.LinkAsync(created.Id)).ScopeId.ShouldBe(room);
    }

    [Fact]
    public async Task Create_ResourceScope_WhenNoResourceChosen_RefusesWithAMessage()
    {
        var error = await Should.ThrowAsync<InputValidationException>(() => fixture.SendAs<CreatedShareLink>(fixture.Admin,
            new CreateShareLink(ShareScope.Resource, null, ShareModules.Bookings, ShareDetailLevel.Titles, "No room")));

        error.Message.ShouldContain("Choose what to share");
    }

    private Task<Guid> RoomAsync(IReadOnlyList<Guid> approvers) =>
        fixture.SendAs<Guid>(fixture.Admin, new SaveResource(null, ResourceKind.Room, $"Share room {Guid.NewGuid():N}"[..20], "3F", 8, [], null,
            true, approvers, "Asia/Manila", new BookingRules()));
}
