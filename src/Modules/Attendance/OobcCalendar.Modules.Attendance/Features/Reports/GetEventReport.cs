using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Attendance.Features.Lists;
using OobcCalendar.Modules.Attendance.Persistence;
using OobcCalendar.Shared.Users;
using static OobcCalendar.Modules.Attendance.Features.Reports.ReportSql;

namespace OobcCalendar.Modules.Attendance.Features.Reports;

/// <summary>
/// The report of one occurrence's attendance (its list): expected against attended and the rate, walk-ins by
/// organisation, figures per organisation unit, arrivals against the start, and who did not come. For the event's
/// organizer and Admin. Expected people are the read model's as they are now, as on the desk.
/// </summary>
internal sealed record GetEventReport(Guid ListId) : IQuery<EventReport>;

internal sealed record EventReport(
    Guid ListId,
    string Title,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc,
    string TimeZoneId,
    bool Closed,
    AttendanceCounts Counts,
    IReadOnlyList<UnitFigures> Units,
    IReadOnlyList<int> Arrivals,
    IReadOnlyList<OrganisationCount> WalkIns,
    IReadOnlyList<ReportPerson> People)
{
    public IEnumerable<ReportPerson> NoShows => People.Where(p => p.Kind == ReportPersonKind.Expected && p.CheckedInAt is null);
}

/// <summary>Expected and attended people of one unit (null: people without a unit).</summary>
internal sealed record UnitFigures(Guid? UnitId, string UnitName, int Expected, int Attended)
{
    public double Rate => Expected == 0 ? 0 : (double)Attended / Expected;
}

internal sealed record OrganisationCount(string Organisation, int Count);

internal enum ReportPersonKind
{
    Expected,
    Other,
    WalkIn,
}

/// <summary>One person on the report: expected (arrived or not), another staff member who came, or a walk-in.</summary>
internal sealed record ReportPerson(string Name, ReportPersonKind Kind, string? UnitOrOrganisation, DateTimeOffset? CheckedInAt, double? MinutesLate);

internal sealed class GetEventReportHandler(IDbContextFactory<AttendanceDbContext> contexts, ICurrentUser user, IUserDirectory directory)
    : IQueryHandler<GetEventReport, EventReport>
{
    private const string NoUnit = "No unit";

    public async ValueTask<EventReport> Handle(GetEventReport query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var context = await ListAccess.LoadAsync(db, query.ListId, cancellationToken);
        var o = context.Occurrence;
        ReportAccess.EnsureMaySeeEvent(user, o.OrganizerId);
        var counts = await AttendanceCounts.OfAsync(db, context, cancellationToken);

        var checkIns = await db.CheckIns.AsNoTracking().Where(c => c.ListId == query.ListId)
            .Select(c => new { c.PersonId, c.WalkInId, c.CheckedInAt }).ToListAsync(cancellationToken);
        var ids = o.Expected.Concat(checkIns.Where(c => c.PersonId != null).Select(c => c.PersonId!.Value)).Distinct().ToList();
        var people = (await directory.GetManyAsync(ids, cancellationToken)).ToDictionary(p => p.Id);
        var unitOf = o.Expected.ToDictionary(id => id, id => people.GetValueOrDefault(id)?.OrganisationUnitId);

        IReadOnlyList<Npgsql.NpgsqlParameter> parameters =
        [
            Uuid("list", query.ListId), Uuids("people", o.Expected), Uuids("units", o.Expected.Select(id => unitOf[id])), Instant("start", o.StartUtc),
        ];
        var units = await QueryAsync(db, """
            SELECT x.unit_id, count(*)::int AS expected, count(ci.id)::int AS attended
            FROM unnest(@people, @units) AS x(person_id, unit_id)
            LEFT JOIN attendance.check_ins ci ON ci.list_id = @list AND ci.person_id = x.person_id
            GROUP BY x.unit_id
            """, parameters, r => (Unit: r.NullableGuid(0), Expected: r.GetInt32(1), Attended: r.GetInt32(2)), cancellationToken);
        var unitNames = people.Values.Where(p => p.OrganisationUnitId != null)
            .GroupBy(p => p.OrganisationUnitId!.Value).ToDictionary(g => g.Key, g => g.First().OrganisationUnitName ?? NoUnit);
        var byUnit = units
            .Select(u => new UnitFigures(u.Unit, u.Unit is { } id ? unitNames.GetValueOrDefault(id, NoUnit) : NoUnit, u.Expected, u.Attended))
            .OrderBy(u => u.UnitId is null).ThenBy(u => u.UnitName, StringComparer.CurrentCultureIgnoreCase).ToList();

        var buckets = await QueryAsync(db, $"""
            SELECT bucket, count(*)::int FROM (
                SELECT {ArrivalBuckets.Sql("extract(epoch FROM ci.checked_in_at - @start) / 60")} AS bucket
                FROM attendance.check_ins ci WHERE ci.list_id = @list) b
            GROUP BY bucket
            """, parameters, r => (Bucket: r.GetInt32(0), Count: r.GetInt32(1)), cancellationToken);
        var arrivals = Enumerable.Range(0, ArrivalBuckets.Labels.Count).Select(i => buckets.FirstOrDefault(b => b.Bucket == i).Count).ToList();

        var walkIns = await QueryAsync(db, """
            SELECT w.organisation, count(*)::int FROM attendance.walk_ins w
            JOIN attendance.check_ins ci ON ci.walk_in_id = w.id
            WHERE w.list_id = @list
            GROUP BY w.organisation ORDER BY count(*) DESC, w.organisation
            """, parameters, r => new OrganisationCount(r.GetString(0), r.GetInt32(1)), cancellationToken);

        var walkInRows = await db.WalkIns.AsNoTracking().Where(w => w.ListId == query.ListId).ToDictionaryAsync(w => w.Id, cancellationToken);
        double Late(DateTimeOffset at) => Math.Round((at - o.StartUtc).TotalMinutes, 1);
        var byPerson = checkIns.Where(c => c.PersonId != null).ToDictionary(c => c.PersonId!.Value, c => c.CheckedInAt);
        var rows = o.Expected.Select(id =>
            {
                var at = byPerson.TryGetValue(id, out var t) ? t : (DateTimeOffset?)null;
                return new ReportPerson(Name(people, id), ReportPersonKind.Expected, people.GetValueOrDefault(id)?.OrganisationUnitName, at, at is { } a ? Late(a) : null);
            })
            .Concat(byPerson.Where(p => !o.Expected.Contains(p.Key)).Select(p =>
                new ReportPerson(Name(people, p.Key), ReportPersonKind.Other, people.GetValueOrDefault(p.Key)?.OrganisationUnitName, p.Value, Late(p.Value))))
            .Concat(checkIns.Where(c => c.WalkInId is { } w && walkInRows.ContainsKey(w)).Select(c =>
                new ReportPerson(walkInRows[c.WalkInId!.Value].Name, ReportPersonKind.WalkIn, walkInRows[c.WalkInId!.Value].Organisation, c.CheckedInAt, Late(c.CheckedInAt))))
            .OrderBy(p => p.Kind).ThenBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase).ToList();

        return new EventReport(context.List.Id, o.Title, o.StartUtc, o.EndUtc, o.TimeZoneId, context.List.IsClosed, counts, byUnit, arrivals, walkIns, rows);
    }

    private static string Name(Dictionary<Guid, DirectoryUser> people, Guid id) => people.GetValueOrDefault(id)?.DisplayName ?? "Unknown person";
}
