using Microsoft.EntityFrameworkCore.Diagnostics;
using OobcCalendar.Modules.Resources.Features.Bookings;
using OobcCalendar.Modules.Resources.Tests.Domain;
using Shouldly;

namespace OobcCalendar.Modules.Resources.Tests.Features;

/// <summary>Loading the approvals dashboard is quiet in the log: no EF warning on every load.</summary>
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
}
