using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Attendance.Features.Reports;

/// <summary>
/// Who a trends viewer may see, and each person's organisation unit. Units come from the directory as they are now (it
/// keeps no history); they go into the SQL as two arrays (person, unit), so the grouping stays in the database
/// (docs/adr/0031).
/// </summary>
internal sealed record ReportScope(bool WholeOffice, IReadOnlyList<Guid> UnitIds)
{
    /// <summary>Admin: the whole office. Manager: their own unit and the units of the people who report to them.</summary>
    public static async Task<ReportScope> OfAsync(ICurrentUser user, IUserDirectory directory, CancellationToken cancellationToken)
    {
        if (user.IsAuthenticated && user.IsInRole(Roles.Admin))
        {
            return new ReportScope(true, []);
        }

        if (!user.IsAuthenticated || !user.IsInRole(Roles.Manager))
        {
            throw new ForbiddenException("Only managers (for their units) and administrators can see attendance trends.");
        }

        var units = new HashSet<Guid>();
        if ((await directory.FindAsync(user.Id, cancellationToken))?.OrganisationUnitId is { } own)
        {
            units.Add(own);
        }

        foreach (var role in Roles.OfficeMemberRoles)
        {
            foreach (var person in await directory.InRoleAsync(role, cancellationToken))
            {
                if (person.ManagerId == user.Id && person.OrganisationUnitId is { } unit)
                {
                    units.Add(unit);
                }
            }
        }

        return new ReportScope(false, [.. units]);
    }

    public bool Covers(Guid? unitId) => WholeOffice || (unitId is { } u && UnitIds.Contains(u));
}

/// <summary>The date range rules every report shares.</summary>
internal static class ReportRange
{
    /// <summary>Longest range one report covers (two years), so a query and an export stay bounded.</summary>
    public const int MaxDays = 731;

    public static void Ensure(DateOnly from, DateOnly to)
    {
        DateLimits.Ensure(from, "From");
        DateLimits.Ensure(to, "To");
        if (to < from)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["To"] = ["The last day must be on or after the first."] });
        }

        if (to.DayNumber - from.DayNumber + 1 > MaxDays)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["To"] = ["Choose a range of at most 2 years; narrow the dates to see more."] });
        }
    }
}
