using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Leave.Domain.Holidays;
using OobcCalendar.Modules.Leave.Domain.Requests;
using OobcCalendar.Modules.Leave.Features.Jobs;
using OobcCalendar.Modules.Leave.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Leave.Features.Reports;

/// <summary>
/// Leave taken (approved) per person, unit, type and month, from the month of <paramref name="From"/> to the month of
/// <paramref name="To"/> (inclusive, at most <see cref="GetLeaveReportHandler.MaxMonths"/>). Days are working days
/// falling in each month (a request across months is split). Admin sees everyone; a manager their people. Optional
/// filters narrow it to a unit, a person or a type. The report page and the CSV/XLSX exports read it.
/// </summary>
internal sealed record GetLeaveReport(DateOnly From, DateOnly To, Guid? UnitId = null, Guid? PersonId = null, Guid? LeaveTypeId = null) : IQuery<LeaveReport>;

/// <summary>One person's days of one type in one month (first day of the month in <paramref name="Month"/>).</summary>
internal sealed record LeaveReportRow(Guid PersonId, string PersonName, string? UnitName, string LeaveTypeCode, string LeaveTypeName, DateOnly Month, decimal Days);

/// <summary>The rows, oldest month first then by name, and the people and units the viewer may filter by.</summary>
internal sealed record LeaveReport(DateOnly FromMonth, DateOnly ToMonth, IReadOnlyList<LeaveReportRow> Rows, IReadOnlyList<DirectoryUser> People)
{
    public decimal TotalDays => Rows.Sum(r => r.Days);
}

internal sealed class GetLeaveReportHandler(IDbContextFactory<LeaveDbContext> contexts, ICurrentUser currentUser, IUserDirectory directory)
    : IQueryHandler<GetLeaveReport, LeaveReport>
{
    /// <summary>Longest span reported at once (two leave years); exports are bounded by it and by <see cref="MaxRows"/>.</summary>
    public const int MaxMonths = 24;

    /// <summary>Most rows a report (and so an export) may have; past it the viewer is asked to narrow the filters.</summary>
    public const int MaxRows = 20_000;

    public async ValueTask<LeaveReport> Handle(GetLeaveReport query, CancellationToken cancellationToken)
    {
        var isAdmin = currentUser.IsInRole(Roles.Admin);
        if (!isAdmin && !currentUser.IsInRole(Roles.Manager))
        {
            throw new ForbiddenException("Only managers and administrators can see leave reports.");
        }

        var from = new DateOnly(query.From.Year, query.From.Month, 1);
        var to = new DateOnly(query.To.Year, query.To.Month, 1).AddMonths(1).AddDays(-1);
        if (to < from || (to.Year - from.Year) * 12 + to.Month - from.Month >= MaxMonths)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["To"] = [$"Choose 1 to {MaxMonths} months, the last after the first."] });
        }

        var people = (await directory.GetManyAsync(await LeavePeople.EarnersAsync(directory, cancellationToken), cancellationToken))
            .Where(u => isAdmin || u.ManagerId == currentUser.Id)
            .OrderBy(u => u.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        var chosen = people
            .Where(u => (query.UnitId is not { } unit || u.OrganisationUnitId == unit) && (query.PersonId is not { } person || u.Id == person))
            .ToDictionary(u => u.Id);
        var ids = chosen.Keys.ToList();

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var requests = await db.Requests.AsNoTracking()
            .Where(r => r.Status == LeaveRequestStatus.Approved && r.FirstDay <= to && r.LastDay >= from && ids.Contains(r.PersonId)
                        && (query.LeaveTypeId == null || r.LeaveTypeId == query.LeaveTypeId))
            .Join(db.LeaveTypes, r => r.LeaveTypeId, t => t.Id, (r, t) => new { Request = r, t.Settings.Code, t.Settings.Name })
            .ToListAsync(cancellationToken);
        var holidays = await db.Holidays.AsNoTracking().Where(h => h.Date >= from.AddDays(-366) && h.Date <= to.AddDays(366)).ToListAsync(cancellationToken);
        var calendars = new Dictionary<Guid, HolidayCalendar>();
        HolidayCalendar CalendarOf(Guid? unit) =>
            calendars.TryGetValue(unit ?? Guid.Empty, out var known) ? known : calendars[unit ?? Guid.Empty] = new HolidayCalendar(holidays.Where(h => h.UnitId == null || h.UnitId == unit), unit);

        var totals = new Dictionary<(Guid Person, string Code, string Name, DateOnly Month), decimal>();
        foreach (var x in requests)
        {
            var person = chosen[x.Request.PersonId];
            foreach (var (month, days) in ByMonth(x.Request.Period, CalendarOf(person.OrganisationUnitId)))
            {
                if (month >= from && month <= to && days > 0)
                {
                    var key = (x.Request.PersonId, x.Code, x.Name, month);
                    totals[key] = totals.GetValueOrDefault(key) + days;
                }
            }
        }

        if (totals.Count > MaxRows)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["To"] = [$"More than {MaxRows:N0} rows: choose fewer months, a unit or a person."] });
        }

        var rows = totals
            .Select(t => new LeaveReportRow(t.Key.Person, chosen[t.Key.Person].DisplayName, chosen[t.Key.Person].OrganisationUnitName, t.Key.Code, t.Key.Name, t.Key.Month, t.Value))
            .OrderBy(r => r.Month).ThenBy(r => r.PersonName, StringComparer.CurrentCultureIgnoreCase).ThenBy(r => r.LeaveTypeName, StringComparer.Ordinal)
            .ToList();
        return new LeaveReport(from, new DateOnly(to.Year, to.Month, 1), rows, people);
    }

    /// <summary>The working days of <paramref name="period"/> in each month it touches (half days kept only at its own ends).</summary>
    internal static IEnumerable<(DateOnly Month, decimal Days)> ByMonth(LeavePeriod period, HolidayCalendar calendar)
    {
        for (var month = new DateOnly(period.First.Year, period.First.Month, 1); month <= period.Last; month = month.AddMonths(1))
        {
            var first = month > period.First ? month : period.First;
            var monthEnd = month.AddMonths(1).AddDays(-1);
            var last = monthEnd < period.Last ? monthEnd : period.Last;
            var part = new LeavePeriod(first, last, first == period.First ? period.FirstPart : DayPart.Full, last == period.Last ? period.LastPart : DayPart.Full);
            yield return (month, WorkingDays.Count(part, calendar));
        }
    }
}
