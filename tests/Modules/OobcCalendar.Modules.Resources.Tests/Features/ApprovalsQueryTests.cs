using Microsoft.EntityFrameworkCore.Diagnostics;
using OobcCalendar.Modules.Resources.Features.Bookings;
using OobcCalendar.Modules.Resources.Tests.Domain;
using Shouldly;

namespace OobcCalendar.Modules.Resources.Tests.Features;

/// <summary>The approvals dashboard: quiet in the log, and the count digests ask for is the count it lists.</summary>
[Collection(ResourcesCollection.Name)]
public sealed class ApprovalsQueryTests(ResourcesFixture fixture)
{
    [Fact]
    public async Task ListPendingApprovals_WhenLoadedWithRequestsWaiting_LogsNoMultipleCollectionIncludeWarning()
    {
        var room = await fixture.RoomAsync(approval: true);
        var request = await fixture.SendAs<BookingReceipt>(fixture.Staff, new RequestBooking(room, Make.At(23, 11), Make.At(23, 12), "Quiet log", 3));

        var pending = await fixture.SendAs<IReadOnlyList<PendingApproval>>(fixture.Manager, new ListPendingApprovals());
        using var client = await fixture.SignedInClientAsync(fixture.Manager);
        var page = await client.GetStringAsync("/resources/approvals");

        pending.ShouldContain(p => p.Booking.Id == request.BookingId);
        page.ShouldContain("Quiet log");
        fixture.EfEvents.Warnings.ShouldNotContain(
            w => w.Id.Id == RelationalEventId.MultipleCollectionIncludeWarning.Id,
            string.Join(Environment.NewLine, fixture.EfEvents.Warnings.Select(w => $"{w.Id}: {w.Message}")));
    }

    [Fact]
    public async Task CountBookingsAwaitingDecision_WhenRequestsWait_ThenIsWhatTheDashboardListsAndZeroForStaff()
    {
        var room = await fixture.RoomAsync(approval: true);
        await fixture.SendAs<BookingReceipt>(fixture.Staff, new RequestBooking(room, Make.At(22, 15), Make.At(22, 16), "Digest count", 3));

        var listed = await fixture.SendAs<IReadOnlyList<PendingApproval>>(fixture.Manager, new ListPendingApprovals());
        var counted = await CountAsync(fixture.Manager.Id);

        listed.ShouldNotBeEmpty();
        counted.ShouldBe(listed.Count);
        (await CountAsync(fixture.Staff.Id)).ShouldBe(0);
        (await CountAsync(Guid.NewGuid())).ShouldBe(0);
    }

    // Resources' answer to the digest (a Contracts query, no one signed in).
    private Task<int> CountAsync(Guid approverId) =>
        fixture.WithServiceAsync<Mediator.IMediator, int>(async mediator => await mediator.Send(new OobcCalendar.Modules.Resources.Contracts.CountBookingsAwaitingDecision(approverId)));
}
