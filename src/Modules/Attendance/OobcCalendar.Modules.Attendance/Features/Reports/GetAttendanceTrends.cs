using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OobcCalendar.Modules.Attendance.Persistence;
using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Users;
using static OobcCalendar.Modules.Attendance.Features.Reports.ReportSql;

namespace OobcCalendar.Modules.Attendance.Features.Reports;

/// <summary>
/// Attendance across the occurrences with a list that started between <paramref name="From"/> and <paramref name="To"/>
/// (inclusive, days in each event's own zone, at most two years): the rate per organisation unit and month, per event
/// category, per month overall, and the repeat no-shows (people absent from at least <paramref name="MissedAtLeast"/>
/// of their last <paramref name="OutOf"/> expected occurrences in the range). Admin sees the whole office; a manager
/// the people of their units. Only occurrences that have started count.
/// </summary>
internal sealed record GetAttendanceTrends(DateOnly From, DateOnly To, Guid? UnitId = null, Guid? CategoryId = null, int MissedAtLeast = 3, int OutOf = 5)
    : IQuery<AttendanceTrends>;

internal sealed class GetAttendanceTrendsValidator : AbstractValidator<GetAttendanceTrends>
{
    public GetAttendanceTrendsValidator()
    {
        RuleFor(q => q.OutOf).InclusiveBetween(1, 50).WithMessage("Look at the last 1 to 50 events.");
        RuleFor(q => q.MissedAtLeast).InclusiveBetween(1, 50).WithMessage("Count 1 to 50 missed events.")
            .LessThanOrEqualTo(q => q.OutOf).WithMessage("Missed events cannot be more than the events looked at.");
    }
}

/// <summary>Expected and attended in one group of occurrences.</summary>
internal sealed record Figures(int Events, int Expected, int Attended)
{
    public double Rate => Expected == 0 ? 0 : (double)Attended / Expected;
}

/// <summary>One unit in one month (<paramref name="Month"/>: its first day).</summary>
internal sealed record UnitMonthFigures(DateOnly Month, Guid? UnitId, string UnitName, Figures Figures);

internal sealed record MonthFigures(DateOnly Month, Figures Figures);

internal sealed record CategoryFigures(Guid? CategoryId, string Category, Figures Figures);

/// <summary>A person who missed <paramref name="Missed"/> of their last <paramref name="Considered"/> expected occurrences.</summary>
internal sealed record RepeatNoShow(Guid PersonId, string Name, string UnitName, int Missed, int Considered, DateTimeOffset LastMissedUtc);

/// <summary>A unit or category to filter by.</summary>
internal sealed record ReportOption(Guid Id, string Name);

internal sealed record AttendanceTrends(
    GetAttendanceTrends Query,
    Figures Total,
    IReadOnlyList<MonthFigures> Months,
    IReadOnlyList<UnitMonthFigures> UnitMonths,
    IReadOnlyList<CategoryFigures> Categories,
    IReadOnlyList<RepeatNoShow> RepeatNoShows,
    IReadOnlyList<ReportOption> Units,
    IReadOnlyList<ReportOption> CategoryOptions);

internal sealed class GetAttendanceTrendsHandler(
    IDbContextFactory<AttendanceDbContext> contexts, ICurrentUser user, IUserDirectory directory, IMediator mediator, TimeProvider clock)
    : IQueryHandler<GetAttendanceTrends, AttendanceTrends>
{
    private const string NoUnit = "No unit";
    private const string NoCategory = "No category";

    // GROUPING(month, unit_id, category_id) of each grouping set: 1 marks a column the set leaves out.
    private const int ByMonthAndUnit = 0b001;
    private const int ByMonth = 0b011;
    private const int ByCategory = 0b110;
    private const int All = 0b111;

    // Expected people of each occurrence in range (the organizer and the participants, as the read model has them now).
    private const string Expected = $"""
        WITH occ AS ({ReportSql.Occurrences}),
        ranged AS (
            SELECT o.*, (o.start_utc AT TIME ZONE o.time_zone_id) AS local_start FROM occ o
            WHERE o.start_utc >= @lo AND o.start_utc < @hi AND o.start_utc <= @now
              AND (o.start_utc AT TIME ZONE o.time_zone_id)::date BETWEEN @from AND @to
              AND (@category IS NULL OR o.category_id = @category)),
        expected AS (
            SELECT DISTINCT r.list_id, p.person_id, r.local_start, r.start_utc, r.category_id
            FROM ranged r CROSS JOIN LATERAL unnest(array_append(r.participant_ids, r.organizer_id)) AS p(person_id))
        """;

    // ...with their unit and whether they came, the viewer's scope and the unit filter applied.
    private const string Scoped = Expected + """
        ,
        scoped AS (
            SELECT x.*, u.unit_id,
                   EXISTS (SELECT 1 FROM attendance.check_ins ci WHERE ci.list_id = x.list_id AND ci.person_id = x.person_id) AS attended
            FROM expected x LEFT JOIN unnest(@people, @units) AS u(person_id, unit_id) ON u.person_id = x.person_id
            WHERE (@whole OR u.unit_id = ANY (@scope)) AND (@unit IS NULL OR u.unit_id = @unit))
        """;

    public async ValueTask<AttendanceTrends> Handle(GetAttendanceTrends query, CancellationToken cancellationToken)
    {
        ReportRange.Ensure(query.From, query.To);
        var scope = await ReportScope.OfAsync(user, directory, cancellationToken);
        if (query.UnitId is { } chosen && !scope.Covers(chosen))
        {
            throw new ForbiddenException("You can see the trends of your own units only.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        List<NpgsqlParameter> parameters =
        [
            Instant("lo", new DateTimeOffset(query.From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(-1)),
            Instant("hi", new DateTimeOffset(query.To.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(2)),
            Instant("now", clock.GetUtcNow()), Date("from", query.From), Date("to", query.To), Uuid("category", query.CategoryId),
        ];

        // Units from the directory for everyone expected in range, passed in as arrays (the directory is not ours to join).
        var ids = await QueryAsync(db, Expected + " SELECT DISTINCT person_id FROM expected",
            parameters, r => r.GetGuid(0), cancellationToken);
        var people = (await directory.GetManyAsync(ids, cancellationToken)).ToDictionary(p => p.Id);
        var unitNames = people.Values.Where(p => p.OrganisationUnitId != null)
            .GroupBy(p => p.OrganisationUnitId!.Value).ToDictionary(g => g.Key, g => g.First().OrganisationUnitName ?? NoUnit);
        parameters.AddRange(
        [
            Uuids("people", ids), Uuids("units", ids.Select(id => people.GetValueOrDefault(id)?.OrganisationUnitId)),
            Bool("whole", scope.WholeOffice), Uuids("scope", scope.UnitIds), Uuid("unit", query.UnitId),
            Int("missed", query.MissedAtLeast), Int("outof", query.OutOf),
        ]);

        // One pass for all four groupings; GROUPING(...) tells which set a row belongs to (a bit per column left out).
        var groups = await QueryAsync(db, Scoped + """
            SELECT GROUPING(month, unit_id, category_id)::int, month, unit_id, category_id,
                   count(DISTINCT list_id)::int, count(*)::int, count(*) FILTER (WHERE attended)::int
            FROM (SELECT s.*, date_trunc('month', s.local_start)::date AS month FROM scoped s) m
            GROUP BY GROUPING SETS ((month, unit_id), (month), (category_id), ())
            """, parameters, r => (Set: r.GetInt32(0), Month: r.IsDBNull(1) ? default : r.GetFieldValue<DateOnly>(1), Unit: r.NullableGuid(2), Category: r.NullableGuid(3), Figures: Read(r, 4)),
            cancellationToken);
        var unitMonths = groups.Where(g => g.Set == ByMonthAndUnit).Select(g => new UnitMonthFigures(g.Month, g.Unit, UnitName(unitNames, g.Unit), g.Figures)).ToList();
        var months = groups.Where(g => g.Set == ByMonth).Select(g => new MonthFigures(g.Month, g.Figures)).OrderBy(m => m.Month).ToList();
        var categoryRows = groups.Where(g => g.Set == ByCategory).Select(g => (Id: g.Category, g.Figures)).ToList();
        var total = groups.Where(g => g.Set == All).Select(g => g.Figures).SingleOrDefault() ?? new Figures(0, 0, 0);
        var noShows = await QueryAsync(db, Scoped + """
            SELECT person_id, count(*) FILTER (WHERE NOT attended)::int, count(*)::int, max(start_utc) FILTER (WHERE NOT attended)
            FROM (SELECT s.*, row_number() OVER (PARTITION BY person_id ORDER BY start_utc DESC, list_id) AS n FROM scoped s) last
            WHERE n <= @outof
            GROUP BY person_id HAVING count(*) FILTER (WHERE NOT attended) >= @missed
            """, parameters, r => (Person: r.GetGuid(0), Missed: r.GetInt32(1), Considered: r.GetInt32(2), Last: r.GetFieldValue<DateTimeOffset>(3)), cancellationToken);

        var categories = await mediator.Send(new ListEventCategories(), cancellationToken);
        var categoryNames = categories.ToDictionary(c => c.Id, c => c.Name);
        var byCategory = categoryRows
            .Select(c => new CategoryFigures(c.Id, c.Id is { } id ? categoryNames.GetValueOrDefault(id, "Removed category") : NoCategory, c.Figures))
            .OrderBy(c => c.CategoryId is null).ThenBy(c => c.Category, StringComparer.CurrentCultureIgnoreCase).ToList();
        var repeat = noShows
            .Select(n => new RepeatNoShow(n.Person, people.GetValueOrDefault(n.Person)?.DisplayName ?? "Unknown person",
                UnitName(unitNames, people.GetValueOrDefault(n.Person)?.OrganisationUnitId), n.Missed, n.Considered, n.Last))
            .OrderByDescending(n => n.Missed).ThenBy(n => n.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        var orderedUnitMonths = unitMonths.OrderBy(u => u.Month).ThenBy(u => u.UnitId is null).ThenBy(u => u.UnitName, StringComparer.CurrentCultureIgnoreCase).ToList();
        return new AttendanceTrends(query, total, months, orderedUnitMonths, byCategory, repeat,
            await UnitOptionsAsync(scope, cancellationToken), [.. categories.Select(c => new ReportOption(c.Id, c.Name))]);
    }

    private static Figures Read(System.Data.Common.DbDataReader r, int first) => new(r.GetInt32(first), r.GetInt32(first + 1), r.GetInt32(first + 2));

    private static string UnitName(Dictionary<Guid, string> names, Guid? unit) => unit is { } id ? names.GetValueOrDefault(id, NoUnit) : NoUnit;

    // The units the viewer may filter by: every unit office members belong to (Admin), or the manager's own.
    private async Task<IReadOnlyList<ReportOption>> UnitOptionsAsync(ReportScope scope, CancellationToken cancellationToken)
    {
        var units = new Dictionary<Guid, string>();
        foreach (var role in Roles.OfficeMemberRoles)
        {
            foreach (var person in await directory.InRoleAsync(role, cancellationToken))
            {
                if (person.OrganisationUnitId is { } id && scope.Covers(id))
                {
                    units[id] = person.OrganisationUnitName ?? NoUnit;
                }
            }
        }

        return [.. units.Select(u => new ReportOption(u.Key, u.Value)).OrderBy(u => u.Name, StringComparer.CurrentCultureIgnoreCase)];
    }
}
