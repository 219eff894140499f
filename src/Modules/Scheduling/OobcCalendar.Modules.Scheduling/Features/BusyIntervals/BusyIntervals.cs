using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Modules.Scheduling.Persistence;

namespace OobcCalendar.Modules.Scheduling.Features.BusyIntervals;

/// <summary>The one place that writes the busy read model: the event consumer and the rebuild both go through it.</summary>
internal static class BusyIntervals
{
    /// <summary>Inbox consumer name (its idempotency key with the event id).</summary>
    public const string Consumer = "scheduling.busy-intervals";

    /// <summary>
    /// Serialises writers of the read model for the rest of the transaction, so a rebuild and a consumer never interleave
    /// (a cancellation applied between the rebuild's read and its commit would otherwise be undone by it).
    /// </summary>
    public static Task LockAsync(SchedulingDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext('scheduling.external_busy'))", cancellationToken);

    /// <summary>Records who an approved booking keeps busy, unless it was already released (the cancellation came first).</summary>
    public static async Task HoldAsync(SchedulingDbContext db, ApprovedBooking booking, CancellationToken cancellationToken)
    {
        const string source = ResourcesModuleContract.Name;
        if (await db.ReleasedBusySources.AnyAsync(r => r.SourceModule == source && r.SourceId == booking.BookingId, cancellationToken))
        {
            return;
        }

        await db.ExternalBusy.Where(b => b.SourceModule == source && b.SourceId == booking.BookingId).ExecuteDeleteAsync(cancellationToken);
        if (Label(booking.ResourceKind) is not { } label)
        {
            return;
        }

        db.ExternalBusy.AddRange(booking.AttendeeIds.Prepend(booking.RequesterId).Distinct().Select(person => new ExternalBusyInterval
        {
            SourceModule = source,
            SourceId = booking.BookingId,
            PersonId = person,
            StartUtc = booking.StartUtc,
            EndUtc = booking.EndUtc,
            Label = label,
        }));
    }

    /// <summary>Frees the people of a booking that ended for good, and remembers it so it cannot come back.</summary>
    public static async Task ReleaseAsync(SchedulingDbContext db, Guid bookingId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        const string source = ResourcesModuleContract.Name;
        await db.ExternalBusy.Where(b => b.SourceModule == source && b.SourceId == bookingId).ExecuteDeleteAsync(cancellationToken);
        if (!await db.ReleasedBusySources.AnyAsync(r => r.SourceModule == source && r.SourceId == bookingId, cancellationToken))
        {
            db.ReleasedBusySources.Add(new ReleasedBusySource { SourceModule = source, SourceId = bookingId, ReleasedAt = at });
        }
    }

    /// <summary>
    /// What the warning calls a booking, or null when it keeps nobody busy: a room or a vehicle takes the people with it;
    /// a borrowed projector does not.
    /// </summary>
    public static string? Label(string resourceKind) => resourceKind switch
    {
        "Room" => "Room booking",
        "Vehicle" => "Vehicle booking",
        _ => null,
    };
}
