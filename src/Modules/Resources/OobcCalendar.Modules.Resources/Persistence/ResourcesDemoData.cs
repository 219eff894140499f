using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Resources.Domain.Bookings;
using OobcCalendar.Modules.Resources.Domain.Resources;
using OobcCalendar.Modules.Resources.Features.Bookings;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Resources.Persistence;

/// <summary>
/// Demo rooms, vehicles and equipment, approved by the demo managers, and a fortnight of bookings around today:
/// approved ones over the last two weeks (so utilisation is not 0 %), pending and approved ones in the coming
/// days (so approvers have requests waiting and people have bookings), and one rejected with its reason.
/// </summary>
internal sealed class ResourcesDemoData(IDbContextFactory<ResourcesDbContext> contexts, IUserDirectory directory, TimeProvider clock) : IDemoDataSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await SeedResourcesAsync(cancellationToken);
        await SeedBookingsAsync(cancellationToken);
    }

    private async Task SeedResourcesAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Resources.AnyAsync(cancellationToken))
        {
            return;
        }

        // The operations manager looks after the main room and the fleet (the directory's order is not theirs to decide).
        var managers = (await directory.InRoleAsync(Roles.Manager, cancellationToken)).OrderBy(m => m.Email != "manager.ops@oobc.gov.ph").Select(m => m.Id).ToList();
        var ops = managers.Take(1).ToList();
        var office = new BookingRules();
        var fleet = new BookingRules { OpensAt = TimeOnly.MinValue, ClosesAt = TimeOnly.MinValue, Days = BookingRules.EveryDayMask, MaximumDurationMinutes = 3 * 24 * 60, MinimumNoticeMinutes = 24 * 60, BufferAfterMinutes = 30 };
        var now = clock.GetUtcNow();
        ResourceDetails[] resources =
        [
            new(ResourceKind.Room, "Conference Room A", "2nd floor, east wing", 20, ["Projector", "Video conference", "Whiteboard"], "The main meeting room.", true, ops, OfficeTime.DefaultTimeZoneId, office with { BufferAfterMinutes = 15 }),
            new(ResourceKind.Room, "Board Room", "3rd floor", 12, ["Video conference", "Screen"], "For management meetings.", false, [], OfficeTime.DefaultTimeZoneId, office),
            new(ResourceKind.Room, "Huddle Room 1", "2nd floor, west wing", 6, ["Screen"], null, false, [], OfficeTime.DefaultTimeZoneId, office),
            new(ResourceKind.Room, "Training Hall", "Ground floor", 60, ["Projector", "Sound system", "Stage"], "Seminars and trainings.", true, managers, OfficeTime.DefaultTimeZoneId, office with { BufferBeforeMinutes = 30, BufferAfterMinutes = 30 }),
            new(ResourceKind.Vehicle, "Toyota Hiace (SAB 1234)", "Motor pool", 14, ["Van", "Aircon"], "For field visits.", true, ops, OfficeTime.DefaultTimeZoneId, fleet, Identifier: "SAB 1234"),
            new(ResourceKind.Vehicle, "Mitsubishi Strada (SAC 5678)", "Motor pool", 5, ["Pickup", "4x4", "Aircon"], null, true, ops, OfficeTime.DefaultTimeZoneId, fleet, Identifier: "SAC 5678"),
            new(ResourceKind.Equipment, "Portable projector kit", "Admin office", null, ["Projector", "HDMI"], null, false, [], OfficeTime.DefaultTimeZoneId, office, Identifier: "EQ-0012"),
            new(ResourceKind.Equipment, "Loaner laptop 1", "IT desk", null, ["Laptop"], null, false, [], OfficeTime.DefaultTimeZoneId, office with { MaximumDurationMinutes = 3 * 24 * 60, OpensAt = TimeOnly.MinValue, ClosesAt = TimeOnly.MinValue }, Identifier: "LT-0001"),
        ];
        db.Resources.AddRange(resources.Select(r => Resource.Create(Guid.CreateVersion7(), r, now)));
        await db.SaveChangesAsync(cancellationToken);
    }

    // Only into a module with no bookings at all: a second start, or a database people already use, gets none.
    private async Task SeedBookingsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Bookings.AnyAsync(cancellationToken))
        {
            return;
        }

        var people = await directory.SearchAsync("oobc.gov.ph", 50, cancellationToken);
        var resources = await db.Resources.AsNoTracking().Where(r => r.IsActive).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var plan = ResourcesDemoPlan.Bookings(WallClock.ToLocalDate(now, OfficeTime.Zone(OfficeTime.DefaultTimeZoneId)));
        var seeded = 0;
        foreach (var item in plan)
        {
            var resource = resources.FirstOrDefault(r => r.Name == item.Resource);
            var requester = people.FirstOrDefault(p => p.Email == item.Requester);
            if (resource is null || requester is null)
            {
                continue;
            }

            bool MayDecide(DirectoryUser p) => resource.CanBeApprovedBy(p.Id, p.Roles.Contains(Roles.Manager), p.Roles.Contains(Roles.Admin));
            var approver = people.FirstOrDefault(p => p.Email == item.Approver && MayDecide(p)) ?? people.FirstOrDefault(p => p.Roles.Contains(Roles.Manager) && MayDecide(p));
            if (resource.RequiresApproval && approver is null)
            {
                continue; // no one could decide it: a past request left pending would only confuse
            }

            var zone = OfficeTime.Zone(resource.TimeZoneId);
            var start = WallClock.ToInstant(item.Day.ToDateTime(item.From), zone);
            var end = WallClock.ToInstant(item.Day.AddDays(item.To <= item.From ? 1 : 0).ToDateTime(item.To), zone);
            // Requested as people do: a few days ahead for what is past, a day or so ago for what is coming.
            var requestedAt = start < now ? start - TimeSpan.FromDays(3) : now - TimeSpan.FromHours(30);
            var decidedAt = start < now ? requestedAt + TimeSpan.FromHours(2) : now - TimeSpan.FromHours(item.Outcome == DemoOutcome.Rejected ? 3 : 20);
            var attendees = (item.Attendees ?? []).Select(e => people.FirstOrDefault(p => p.Email == e)?.Id).OfType<Guid>().ToList();
            var booking = Booking.Request(Guid.CreateVersion7(), resource, new BookingRequest(requester.Id, start, end, item.Purpose, attendees.Count + 1, attendees), requestedAt);
            db.Bookings.Add(booking);
            BookingNotices.Requested(db, booking, resource, requestedAt);
            if (booking.Status == BookingStatus.Pending && approver is not null)
            {
                if (item.Outcome == DemoOutcome.Approved)
                {
                    booking.Approve(approver.Id, decidedAt);
                    BookingNotices.Approved(db, booking, resource, decidedAt, live: false);
                }
                else if (item.Outcome == DemoOutcome.Rejected)
                {
                    booking.Reject(approver.Id, item.Reason ?? "Not available then.", decidedAt);
                    BookingNotices.Rejected(db, booking, resource, decidedAt);
                }
            }

            seeded++;
        }

        if (seeded == 0)
        {
            return;
        }

        // Under the same lock as a request, so the exclusion constraint (no overlaps, buffers included) judges the seed too.
        await using var transaction = await ResourceLocks.BeginAsync(db, resources.Select(r => r.Id).ToList(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
