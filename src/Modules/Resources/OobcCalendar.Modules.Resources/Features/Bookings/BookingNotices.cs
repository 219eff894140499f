using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Modules.Resources.Domain.Bookings;
using OobcCalendar.Modules.Resources.Domain.Resources;
using OobcCalendar.Modules.Resources.Persistence;
using OobcCalendar.Shared.LiveUpdates;

namespace OobcCalendar.Modules.Resources.Features.Bookings;

/// <summary>Builds the integration events and live notices of a booking change, in one place (as Scheduling's EventNotices does for events).</summary>
internal static class BookingNotices
{
    public static void Requested(ResourcesDbContext db, Booking booking, Resource resource, DateTimeOffset now)
    {
        db.Publish(new BookingRequestedIntegrationEvent(
            booking.Id, resource.Id, resource.Name, resource.Kind.ToString(), booking.RequesterId, booking.Start, booking.End,
            resource.TimeZoneId, booking.Purpose, booking.AttendeeIds, booking.Status == BookingStatus.Pending, resource.ApproverIds, booking.SeriesId)
        { OccurredAt = now });
        if (booking.Status == BookingStatus.Approved)
        {
            Approved(db, booking, resource, now, live: false);
        }

        db.NotifyLive(new LiveUpdate(ResourcesTopics.Bookings, booking.Id.ToString(), "requested"));
    }

    public static void Approved(ResourcesDbContext db, Booking booking, Resource resource, DateTimeOffset now, bool live = true)
    {
        db.Publish(new BookingApprovedIntegrationEvent(
            booking.Id, resource.Id, resource.Name, resource.Kind.ToString(), booking.RequesterId, booking.Start, booking.End,
            resource.TimeZoneId, booking.Purpose, booking.AttendeeIds, booking.DecidedBy)
        { OccurredAt = now });
        if (live)
        {
            db.NotifyLive(new LiveUpdate(ResourcesTopics.Bookings, booking.Id.ToString(), "approved"));
        }
    }

    public static void Rejected(ResourcesDbContext db, Booking booking, Resource resource, DateTimeOffset now)
    {
        db.Publish(new BookingRejectedIntegrationEvent(
            booking.Id, resource.Id, resource.Name, booking.RequesterId, booking.Start, booking.End, resource.TimeZoneId, booking.DecidedBy!.Value, booking.DecisionReason!)
        { OccurredAt = now });
        db.NotifyLive(new LiveUpdate(ResourcesTopics.Bookings, booking.Id.ToString(), "rejected"));
    }

    public static void Cancelled(ResourcesDbContext db, Booking booking, Resource resource, bool wasApproved, DateTimeOffset now)
    {
        db.Publish(new BookingCancelledIntegrationEvent(
            booking.Id, resource.Id, resource.Name, booking.RequesterId, booking.Start, booking.End, booking.AttendeeIds, booking.CancelledBy!.Value, wasApproved)
        { OccurredAt = now });
        db.NotifyLive(new LiveUpdate(ResourcesTopics.Bookings, booking.Id.ToString(), "cancelled"));
    }
}
