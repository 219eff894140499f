using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using OobcCalendar.Modules.Resources.Features.Bookings;
using OobcCalendar.Modules.Resources.Tests.Domain;
using OobcCalendar.Modules.Resources.Tests.Features;
using Shouldly;

namespace OobcCalendar.Modules.Resources.Tests.Endpoints;

/// <summary>
/// GET /api/calendar/bookings through the real host: sign-in cookie from the real form, bookings made
/// through the module's own commands, JSON read as FullCalendar would.
/// </summary>
[Collection(ResourcesCollection.Name)]
public sealed class BookingCalendarFeedTests(ResourcesFixture fixture)
{
    private const string December = "/api/calendar/bookings?start=2026-12-01T00%3A00%3A00Z&end=2027-01-01T00%3A00%3A00Z";

    [Fact]
    public async Task Feed_WhenSignedOut_Answers401ProblemNotARedirect()
    {
        using var client = fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri(December, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Theory]
    [InlineData("/api/calendar/bookings", "start is required")]
    [InlineData("/api/calendar/bookings?start=yesterday&end=2026-12-08", "is not an ISO 8601 date or time")]
    [InlineData("/api/calendar/bookings?start=2026-12-01&end=2027-03-15", "at most 100 days")]
    [InlineData("/api/calendar/bookings?start=9999-01-01&end=9999-02-01", "start must be a date from 1900-01-01 to 2200-12-31")]
    public async Task Feed_WhenRangeIsBad_Answers400ProblemThatSaysWhy(string url, string message)
    {
        using var client = await fixture.SignedInClientAsync(fixture.Staff);

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldContain(message);
    }

    [Fact]
    public async Task Feed_WhenBookingIsApproved_ReturnsItAsAGreenReadOnlyEvent()
    {
        var room = await fixture.RoomAsync();
        var booking = await fixture.SendAs<BookingReceipt>(fixture.Staff, new RequestBooking(room, Make.At(9, 10), Make.At(9, 11, 30), "Feed check", 3));
        booking.Status.ShouldBe("Approved");
        using var client = await fixture.SignedInClientAsync(fixture.Staff);

        var item = (await FeedAsync(client)).Single(e => e.GetProperty("id").GetString() == $"booking:{booking.BookingId}");

        item.GetProperty("title").GetString().ShouldEndWith(": Feed check");
        // Wall-clock time of the user's zone, no offset: the calendar page runs FullCalendar in UTC mode (docs/adr/0005).
        item.GetProperty("start").GetString().ShouldBe("2026-12-09T10:00:00");
        item.GetProperty("end").GetString().ShouldBe("2026-12-09T11:30:00");
        item.GetProperty("color").GetString().ShouldBe("#2e7d32");
        item.GetProperty("editable").GetBoolean().ShouldBeFalse();
        item.GetProperty("url").GetString().ShouldBe("/resources/bookings");
        item.GetProperty("classNames").GetArrayLength().ShouldBe(0);
        var props = item.GetProperty("extendedProps");
        props.GetProperty("kind").GetString().ShouldBe("booking");
        props.GetProperty("bookingId").GetGuid().ShouldBe(booking.BookingId);
        props.GetProperty("status").GetString().ShouldBe("Approved");
        props.GetProperty("pending").GetBoolean().ShouldBeFalse();
        item.GetProperty("title").GetString().ShouldBe($"{props.GetProperty("resourceName").GetString()}: Feed check");
    }

    [Fact]
    public async Task Feed_WhenBookingIsPending_ReturnsItFadedWithThePendingClass()
    {
        var room = await fixture.RoomAsync(approval: true);
        var booking = await fixture.SendAs<BookingReceipt>(fixture.Staff, new RequestBooking(room, Make.At(9, 13), Make.At(9, 14), "Waiting", 3));
        using var client = await fixture.SignedInClientAsync(fixture.Staff);

        var item = (await FeedAsync(client)).Single(e => e.GetProperty("id").GetString() == $"booking:{booking.BookingId}");

        item.GetProperty("extendedProps").GetProperty("status").GetString().ShouldBe("Pending");
        // The shared contract's flag (CalendarEntryStyle.Pending): the calendar outlines it and says "pending approval".
        item.GetProperty("extendedProps").GetProperty("pending").GetBoolean().ShouldBeTrue();
        item.GetProperty("classNames").EnumerateArray().Select(c => c.GetString()).ShouldBe(["oobc-pending"]);
        item.GetProperty("color").GetString().ShouldNotBe("#2e7d32");
    }

    [Fact]
    public async Task Feed_WhenBookingIsRejectedOrCancelled_LeavesItOut()
    {
        var room = await fixture.RoomAsync(approval: true);
        var rejected = await fixture.SendAs<BookingReceipt>(fixture.Staff, new RequestBooking(room, Make.At(10, 9), Make.At(10, 10), "Refused", 3));
        var cancelled = await fixture.SendAs<BookingReceipt>(fixture.Staff, new RequestBooking(room, Make.At(10, 11), Make.At(10, 12), "Dropped", 3));
        await fixture.SendAs<DecisionOutcome>(fixture.Manager, new DecideBookings([rejected.BookingId], Approve: false, "Audit that day"));
        await fixture.SendAs<Mediator.Unit>(fixture.Staff, new CancelBooking(cancelled.BookingId));
        using var client = await fixture.SignedInClientAsync(fixture.Staff);

        var ids = (await FeedAsync(client)).Select(e => e.GetProperty("id").GetString()).ToList();

        ids.ShouldNotContain($"booking:{rejected.BookingId}");
        ids.ShouldNotContain($"booking:{cancelled.BookingId}");
    }

    [Fact]
    public async Task Feed_WhenInvitedToSomeoneElsesBooking_ShowsItToTheAttendeeOnly()
    {
        var room = await fixture.RoomAsync();
        var booking = await fixture.SendAs<BookingReceipt>(fixture.Staff, new RequestBooking(room, Make.At(11, 9), Make.At(11, 10), "Invited", 3, [fixture.Manager.Id]));
        using var attendee = await fixture.SignedInClientAsync(fixture.Manager);
        using var stranger = await fixture.SignedInClientAsync(fixture.OtherManager);

        (await FeedAsync(attendee)).ShouldContain(e => e.GetProperty("id").GetString() == $"booking:{booking.BookingId}");
        (await FeedAsync(stranger)).ShouldNotContain(e => e.GetProperty("id").GetString() == $"booking:{booking.BookingId}");
    }

    private static async Task<IReadOnlyList<JsonElement>> FeedAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri(December, UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }
}
