using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Resources.Domain.Resources;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Resources.Persistence;

/// <summary>Demo rooms, vehicles and equipment, approved by the demo managers.</summary>
internal sealed class ResourcesDemoData(IDbContextFactory<ResourcesDbContext> contexts, IUserDirectory directory, TimeProvider clock) : IDemoDataSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Resources.AnyAsync(cancellationToken))
        {
            return;
        }

        var managers = (await directory.InRoleAsync(Roles.Manager, cancellationToken)).Select(m => m.Id).ToList();
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
            new(ResourceKind.Vehicle, "Toyota Hiace (SAB 1234)", "Motor pool", 14, ["Van", "Plate SAB 1234"], "For field visits.", true, ops, OfficeTime.DefaultTimeZoneId, fleet),
            new(ResourceKind.Vehicle, "Mitsubishi Strada (SAC 5678)", "Motor pool", 5, ["Pickup", "Plate SAC 5678", "4x4"], null, true, ops, OfficeTime.DefaultTimeZoneId, fleet),
            new(ResourceKind.Equipment, "Portable projector kit", "Admin office", null, ["Projector", "HDMI"], null, false, [], OfficeTime.DefaultTimeZoneId, office),
            new(ResourceKind.Equipment, "Loaner laptop 1", "IT desk", null, ["Laptop"], null, false, [], OfficeTime.DefaultTimeZoneId, office with { MaximumDurationMinutes = 3 * 24 * 60, OpensAt = TimeOnly.MinValue, ClosesAt = TimeOnly.MinValue }),
        ];
        db.Resources.AddRange(resources.Select(r => Resource.Create(Guid.CreateVersion7(), r, now)));
        await db.SaveChangesAsync(cancellationToken);
    }
}
