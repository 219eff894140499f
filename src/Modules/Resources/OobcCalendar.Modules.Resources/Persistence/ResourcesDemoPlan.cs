namespace OobcCalendar.Modules.Resources.Persistence;

/// <summary>What became of a demo request.</summary>
internal enum DemoOutcome
{
    /// <summary>Still waiting (only where the resource needs approval).</summary>
    Pending,
    Approved,
    Rejected,
}

/// <summary>One demo booking: office-local day and times, people by e-mail, resources by name.</summary>
internal sealed record DemoBooking(string Resource, string Requester, DateOnly Day, TimeOnly From, TimeOnly To, string Purpose, DemoOutcome Outcome,
    string? Approver = "manager.ops@oobc.gov.ph", string? Reason = null, IReadOnlyList<string>? Attendees = null);

/// <summary>
/// The demo fortnight's bookings, relative to today. Weekdays only, and laid out so that no two overlap on one
/// resource, buffers included. Left alone on purpose: staff3 (a newcomer with no bookings) and the Training Hall
/// and Huddle Room 1 from seven weekdays ahead on (the browser tests book there).
/// </summary>
internal static class ResourcesDemoPlan
{
    public const string Staff1 = "staff1@oobc.gov.ph";

    public static IReadOnlyList<DemoBooking> Bookings(DateOnly today)
    {
        DateOnly Ahead(int weekdays) => Step(today, weekdays, 1);
        DateOnly Back(int weekdays) => Step(today, weekdays, -1);
        static TimeOnly T(int hour, int minute = 0) => new(hour, minute);
        const string Room = "Conference Room A", Board = "Board Room", Huddle = "Huddle Room 1", Hall = "Training Hall",
            Van = "Toyota Hiace (SAB 1234)", Pickup = "Mitsubishi Strada (SAC 5678)", Projector = "Portable projector kit", Laptop = "Loaner laptop 1";
        const string Staff2 = "staff2@oobc.gov.ph", Staff4 = "staff4@oobc.gov.ph", Staff5 = "staff5@oobc.gov.ph",
            Ops = "manager.ops@oobc.gov.ph", Programs = "manager.programs@oobc.gov.ph", Admin = "admin@oobc.gov.ph";

        var past = new List<DemoBooking>();
        for (var n = 1; n <= 10; n++)
        {
            var day = Back(n);
            if (day.DayOfWeek == DayOfWeek.Monday)
            {
                past.Add(new(Room, Ops, day, T(9), T(10), "Weekly team meeting", DemoOutcome.Approved, Attendees: [Staff1, Staff2]));
            }

            if (n % 2 == 0)
            {
                past.Add(new(Room, n % 4 == 0 ? Staff1 : Staff2, day, T(13), T(15), "Partner coordination meeting", DemoOutcome.Approved));
                past.Add(new(Huddle, Staff4, day, T(10), T(10, 30), "Quick sync", DemoOutcome.Approved));
            }
            else
            {
                past.Add(new(Huddle, Ops, day, T(14), T(15), "1:1 check-in", DemoOutcome.Approved, Attendees: [Staff1]));
            }

            if (n % 3 == 1)
            {
                past.Add(new(Board, Programs, day, T(10), T(11, 30), "Management committee", DemoOutcome.Approved, Attendees: [Ops, Admin]));
            }
        }

        past.AddRange(
        [
            new(Hall, Programs, Back(4), T(8), T(16), "Records management training", DemoOutcome.Approved, Approver: Ops),
            new(Hall, Admin, Back(8), T(13), T(17), "Orientation for new staff", DemoOutcome.Approved),
            new(Van, Staff1, Back(3), T(6), T(18), "Field visit to Maguindanao", DemoOutcome.Approved),
            new(Van, Staff4, Back(7), T(6), T(19), "Community consultation, Lanao del Sur", DemoOutcome.Approved),
            new(Pickup, Staff5, Back(5), T(7), T(17), "Site inspection", DemoOutcome.Approved),
            new(Pickup, Staff2, Back(9), T(8), T(12), "Supply delivery", DemoOutcome.Approved),
            new(Projector, Staff2, Back(2), T(9), T(12), "Training session", DemoOutcome.Approved),
            new(Projector, Staff5, Back(6), T(13), T(16), "Barangay briefing", DemoOutcome.Approved),
            new(Laptop, Staff4, Back(6), T(8), T(17), "Off-site workshop", DemoOutcome.Approved),
        ]);

        DemoBooking[] coming =
        [
            new(Board, Staff1, Ahead(1), T(10), T(11, 30), "Procurement planning", DemoOutcome.Approved, Attendees: [Staff2]),
            new(Room, Staff2, Ahead(1), T(14), T(15), "Client briefing", DemoOutcome.Pending),
            new(Room, Staff1, Ahead(2), T(9), T(10, 30), "Project sync", DemoOutcome.Approved, Attendees: [Staff2]),
            new(Van, Staff1, Ahead(2), T(6), T(18), "Field visit to Cotabato City", DemoOutcome.Pending),
            new(Hall, Staff1, Ahead(2), T(9), T(17), "Team building", DemoOutcome.Rejected, Reason: "The hall is being set up for the regional summit that day."),
            new(Hall, Staff4, Ahead(3), T(13), T(16), "Community consultation", DemoOutcome.Pending),
            new(Huddle, Staff1, Ahead(3), T(13), T(13, 30), "Interview with an applicant", DemoOutcome.Approved),
            new(Pickup, Staff5, Ahead(4), T(7), T(17), "Site inspection, Datu Odin Sinsuat", DemoOutcome.Pending),
            new(Room, Staff4, Ahead(4), T(10), T(11), "Vendor presentation", DemoOutcome.Approved),
            new(Hall, Programs, Ahead(5), T(9), T(12), "Quarterly planning", DemoOutcome.Pending),
            new(Projector, Staff1, Ahead(5), T(9), T(12), "Workshop for partner agencies", DemoOutcome.Approved),
            new(Laptop, Staff2, Ahead(6), T(8), T(17), "Working from the field office", DemoOutcome.Approved),
        ];
        return [.. past, .. coming];
    }

    private static DateOnly Step(DateOnly from, int weekdays, int direction)
    {
        var day = from;
        for (var counted = 0; counted < weekdays;)
        {
            day = day.AddDays(direction);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                counted++;
            }
        }

        return day;
    }
}
