using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Features.OccurrenceIndex;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.Users;
using OobcCalendar.Shared.Time;

namespace OobcCalendar.Modules.Scheduling.Persistence;

/// <summary>A believable week for the demo users: a weekly team meeting, a monthly all-hands, trainings and one-offs.</summary>
internal sealed class SchedulingDemoData(IDbContextFactory<SchedulingDbContext> contexts, IUserDirectory directory, TimeProvider clock) : IDemoDataSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Events.AnyAsync(cancellationToken))
        {
            return;
        }

        var staff = await directory.InRoleAsync(Roles.Staff, cancellationToken);
        var managers = await directory.InRoleAsync(Roles.Manager, cancellationToken);
        if (managers.Count == 0 || staff.Count == 0)
        {
            return;
        }

        var zone = OfficeTime.Zone(OfficeTime.DefaultTimeZoneId);
        var now = clock.GetUtcNow();
        var today = WallClock.ToLocalDate(now, zone);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        DateTimeOffset At(DateOnly day, int hour, int minute = 0) => WallClock.ToInstant(day.ToDateTime(new TimeOnly(hour, minute)), zone);
        var manager = managers[0];
        var team = staff.Where(s => s.OrganisationUnitId == manager.OrganisationUnitId && s.Id != manager.Id).Select(s => s.Id).ToList();
        var everyone = staff.Select(s => s.Id).ToList();
        var meeting = new Guid("0193a000-0000-7000-8000-000000000001");
        var training = new Guid("0193a000-0000-7000-8000-000000000002");
        var office = new Guid("0193a000-0000-7000-8000-000000000005");
        (DirectoryUser Organizer, EventDraft Draft)[] events =
        [
            (manager, new EventDraft("Weekly team meeting", "Status round and blockers.", "Conference Room A", At(monday, 9), At(monday, 10), OfficeTime.DefaultTimeZoneId, false, meeting, EventVisibility.Normal, team, null, "FREQ=WEEKLY;BYDAY=MO")),
            (manager, new EventDraft("All-hands", "Monthly agency update.", "Training Hall", At(monday, 15), At(monday, 16), OfficeTime.DefaultTimeZoneId, false, office, EventVisibility.Normal, everyone, [60, 1440], "FREQ=MONTHLY;BYDAY=1FR")),
            (manager, new EventDraft("Budget review", null, "Board Room", At(monday.AddDays(2), 13), At(monday.AddDays(2), 14, 30), OfficeTime.DefaultTimeZoneId, false, meeting, EventVisibility.Normal, team.Take(2).ToList(), null, null)),
            (managers[^1], new EventDraft("Records management training", "Bring a laptop.", "Training Hall", At(monday.AddDays(3), 0), At(monday.AddDays(4), 0), OfficeTime.DefaultTimeZoneId, true, training, EventVisibility.Normal, everyone.Take(4).ToList(), null, null)),
            (staff[0], new EventDraft("Dentist", null, null, At(monday.AddDays(1), 16), At(monday.AddDays(1), 17), OfficeTime.DefaultTimeZoneId, false, null, EventVisibility.BusyOnly, [], null, null)),
        ];
        var created = events.Select(e => CalendarEvent.Create(Guid.CreateVersion7(), e.Draft, e.Organizer.Id, e.Organizer.OrganisationUnitId, now)).ToList();
        db.Events.AddRange(created);
        await OccurrenceIndexWriter.SaveAsync(db, created, now, cancellationToken);
    }
}
