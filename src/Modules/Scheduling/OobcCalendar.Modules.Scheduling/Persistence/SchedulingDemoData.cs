using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Features.OccurrenceIndex;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.Users;
using OobcCalendar.Shared.Time;

namespace OobcCalendar.Modules.Scheduling.Persistence;

/// <summary>
/// A believable office fortnight around today (office zone, computed at seed time): a weekly team meeting, a
/// monthly all-hands, a short stand-up series, trainings and one-offs last week, this week and next, with
/// invitations accepted, declined, tentative and still waiting. Series start on their first real occurrence.
/// Built through the domain (<see cref="CalendarEvent.Create"/>, <see cref="CalendarEvent.Respond"/>), so its rules hold.
/// </summary>
internal sealed class SchedulingDemoData(IDbContextFactory<SchedulingDbContext> contexts, IUserDirectory directory, TimeProvider clock) : IDemoDataSeeder
{
    private static readonly Guid Meeting = new("0193a000-0000-7000-8000-000000000001");
    private static readonly Guid Training = new("0193a000-0000-7000-8000-000000000002");
    private static readonly Guid FieldWork = new("0193a000-0000-7000-8000-000000000003");
    private static readonly Guid Deadline = new("0193a000-0000-7000-8000-000000000004");
    private static readonly Guid Office = new("0193a000-0000-7000-8000-000000000005");

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
        var lastMonday = monday.AddDays(-7);
        var nextMonday = monday.AddDays(7);
        DateTimeOffset At(DateOnly day, int hour, int minute = 0) => WallClock.ToInstant(day.ToDateTime(new TimeOnly(hour, minute)), zone);
        Guid? Id(string email) => staff.FirstOrDefault(s => string.Equals(s.Email, email, StringComparison.OrdinalIgnoreCase))?.Id;
        List<Guid> Ids(params string[] emails) => emails.Select(Id).OfType<Guid>().ToList();

        var manager = managers.FirstOrDefault(m => m.Email == "manager.ops@oobc.gov.ph") ?? managers[0];
        var programs = managers.FirstOrDefault(m => m.Email == "manager.programs@oobc.gov.ph") ?? managers[^1];
        var admin = staff.FirstOrDefault(s => s.Email == "admin@oobc.gov.ph") ?? manager;
        var staff1 = staff.FirstOrDefault(s => s.Email == "staff1@oobc.gov.ph") ?? staff[0];
        var team = staff.Where(s => s.OrganisationUnitId == manager.OrganisationUnitId && s.Id != manager.Id).Select(s => s.Id).ToList();
        var programsTeam = staff.Where(s => s.OrganisationUnitId == programs.OrganisationUnitId && s.Id != programs.Id).Select(s => s.Id).ToList();
        var everyone = staff.Select(s => s.Id).ToList();

        // The first Friday of the month the fortnight starts in: a real occurrence of "the first Friday" (RFC 5545
        // leaves a DTSTART outside its rule undefined, and other calendar apps then show a meeting that does not exist).
        var monthStart = new DateOnly(lastMonday.Year, lastMonday.Month, 1);
        var firstFriday = monthStart.AddDays(((int)DayOfWeek.Friday - (int)monthStart.DayOfWeek + 7) % 7);

        EventDraft Draft(string title, string? description, string? location, DateTimeOffset start, DateTimeOffset end, Guid? category, IReadOnlyList<Guid> participants,
            EventVisibility visibility = EventVisibility.Normal, bool allDay = false, IReadOnlyList<int>? reminders = null, string? rule = null) =>
            new(title, description, location, start, end, OfficeTime.DefaultTimeZoneId, allDay, category, visibility, participants, reminders, rule);

        // Who answered what (answers a series as a whole unless an occurrence is named).
        var plan = new List<(DirectoryUser Organizer, EventDraft Draft, (string Email, ParticipantResponse Answer, DateTimeOffset? Occurrence)[] Answers)>
        {
            (manager, Draft("Weekly team meeting", "Status round and blockers.", "Conference Room A", At(lastMonday, 9), At(lastMonday, 10), Meeting, team, rule: "FREQ=WEEKLY;BYDAY=MO"),
                [("staff1@oobc.gov.ph", ParticipantResponse.Accepted, null), ("staff2@oobc.gov.ph", ParticipantResponse.Accepted, null),
                 ("admin@oobc.gov.ph", ParticipantResponse.Tentative, null), ("staff2@oobc.gov.ph", ParticipantResponse.Declined, At(nextMonday, 9))]),
            (manager, Draft("All-hands", "Monthly agency update.", "Training Hall", At(firstFriday, 15), At(firstFriday, 16), Office, everyone, reminders: [60, 1440], rule: "FREQ=MONTHLY;BYDAY=1FR"),
                [("staff1@oobc.gov.ph", ParticipantResponse.Accepted, null), ("staff4@oobc.gov.ph", ParticipantResponse.Accepted, null),
                 ("staff5@oobc.gov.ph", ParticipantResponse.Declined, null), ("manager.programs@oobc.gov.ph", ParticipantResponse.Accepted, null)]),
            // Bounded: a stand-up that ran its course, so weeks far ahead stay free for people's own plans.
            (programs, Draft("Programs stand-up", "Fifteen minutes, standing.", "Huddle Room 1", At(lastMonday.AddDays(1), 8, 30), At(lastMonday.AddDays(1), 8, 45), Meeting, programsTeam, rule: "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=8"),
                [("staff4@oobc.gov.ph", ParticipantResponse.Accepted, null), ("staff5@oobc.gov.ph", ParticipantResponse.Tentative, null)]),
            (manager, Draft("Partner coordination meeting", "With the regional line agencies.", "Conference Room A", At(lastMonday.AddDays(1), 13), At(lastMonday.AddDays(1), 15), Meeting, Ids("staff1@oobc.gov.ph", "staff2@oobc.gov.ph")),
                [("staff1@oobc.gov.ph", ParticipantResponse.Accepted, null), ("staff2@oobc.gov.ph", ParticipantResponse.Accepted, null)]),
            (programs, Draft("Field visit: Datu Odin Sinsuat", "Livelihood project monitoring.", "Datu Odin Sinsuat", At(lastMonday.AddDays(3), 6), At(lastMonday.AddDays(3), 17), FieldWork, Ids("staff4@oobc.gov.ph", "staff5@oobc.gov.ph")),
                [("staff4@oobc.gov.ph", ParticipantResponse.Accepted, null), ("staff5@oobc.gov.ph", ParticipantResponse.Accepted, null)]),
            (manager, Draft("Budget review", null, "Board Room", At(monday.AddDays(2), 13), At(monday.AddDays(2), 14, 30), Meeting, Ids("staff1@oobc.gov.ph", "staff2@oobc.gov.ph")),
                [("staff1@oobc.gov.ph", ParticipantResponse.Accepted, null), ("staff2@oobc.gov.ph", ParticipantResponse.Declined, null)]),
            (programs, Draft("Records management training", "Bring a laptop.", "Training Hall", At(monday.AddDays(3), 0), At(monday.AddDays(4), 0), Training, everyone.Take(4).ToList(), allDay: true),
                []),
            (staff1, Draft("Dentist", null, null, At(monday.AddDays(1), 16), At(monday.AddDays(1), 17), null, [], EventVisibility.BusyOnly),
                []),
            (admin, Draft("Quarterly report due", "Submit to the planning office.", null, At(nextMonday.AddDays(2), 0), At(nextMonday.AddDays(3), 0), Deadline, Ids("manager.ops@oobc.gov.ph", "manager.programs@oobc.gov.ph"), allDay: true),
                [("manager.ops@oobc.gov.ph", ParticipantResponse.Accepted, null)]),
            (programs, Draft("Project kickoff: youth livelihood programme", "Scope, roles and the first three months.", "Conference Room A", At(nextMonday.AddDays(1), 10), At(nextMonday.AddDays(1), 11, 30), Meeting, Ids("staff4@oobc.gov.ph", "staff5@oobc.gov.ph", "staff1@oobc.gov.ph")),
                [("staff4@oobc.gov.ph", ParticipantResponse.Accepted, null), ("staff5@oobc.gov.ph", ParticipantResponse.Tentative, null)]),
            (admin, Draft("Lunch and learn: data privacy", "Bring your lunch; we bring the slides.", "Board Room", At(nextMonday.AddDays(3), 12), At(nextMonday.AddDays(3), 13), Training, Ids("staff1@oobc.gov.ph", "staff2@oobc.gov.ph", "staff4@oobc.gov.ph", "staff5@oobc.gov.ph")),
                [("staff2@oobc.gov.ph", ParticipantResponse.Accepted, null), ("staff5@oobc.gov.ph", ParticipantResponse.Declined, null)]),
            (manager, Draft("1:1 Jamal / Rashid", null, "Huddle Room 1", At(nextMonday.AddDays(4), 14), At(nextMonday.AddDays(4), 14, 30), Meeting, Ids("staff1@oobc.gov.ph")),
                []),
        };

        var created = new List<CalendarEvent>();
        foreach (var (organizer, draft, answers) in plan)
        {
            var calendarEvent = CalendarEvent.Create(Guid.CreateVersion7(), draft, organizer.Id, organizer.OrganisationUnitId, now);
            foreach (var (email, answer, occurrence) in answers)
            {
                // Skips someone not invited (a directory without them), as the domain would refuse their answer.
                if (Id(email) is { } user && calendarEvent.Participants.Any(p => p.UserId == user))
                {
                    calendarEvent.Respond(user, answer, now, occurrence);
                }
            }

            created.Add(calendarEvent);
        }

        db.Events.AddRange(created);
        await OccurrenceIndexWriter.SaveAsync(db, created, now, cancellationToken);
    }
}
