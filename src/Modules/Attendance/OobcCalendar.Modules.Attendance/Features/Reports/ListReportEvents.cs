using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Attendance.Persistence;
using OobcCalendar.Shared.Users;
using static OobcCalendar.Modules.Attendance.Features.Reports.ReportSql;

namespace OobcCalendar.Modules.Attendance.Features.Reports;

/// <summary>
/// The occurrences with an attendance list between <paramref name="From"/> and <paramref name="To"/> (days in each event's
/// zone, at most two years) whose report the user may open: all of them for Admin, the user's own events otherwise.
/// Newest first, at most <see cref="ListReportEventsHandler.Max"/>.
/// </summary>
internal sealed record ListReportEvents(DateOnly From, DateOnly To) : IQuery<IReadOnlyList<ReportEventItem>>;

internal sealed record ReportEventItem(Guid ListId, string Title, DateTimeOffset StartUtc, string TimeZoneId, int Expected, int Attended)
{
    public double Rate => Expected == 0 ? 0 : (double)Attended / Expected;
}

internal sealed class ListReportEventsHandler(IDbContextFactory<AttendanceDbContext> contexts, ICurrentUser user)
    : IQueryHandler<ListReportEvents, IReadOnlyList<ReportEventItem>>
{
    public const int Max = 200;

    public async ValueTask<IReadOnlyList<ReportEventItem>> Handle(ListReportEvents query, CancellationToken cancellationToken)
    {
        ReportRange.Ensure(query.From, query.To);
        if (!user.IsAuthenticated)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await QueryAsync(db, $"""
            WITH occ AS ({Occurrences})
            SELECT o.list_id, o.title, o.start_utc, o.time_zone_id, cardinality(x.people)::int,
                   (SELECT count(*)::int FROM attendance.check_ins ci WHERE ci.list_id = o.list_id AND ci.person_id = ANY (x.people))
            FROM occ o
            CROSS JOIN LATERAL (SELECT array_agg(DISTINCT p) AS people FROM unnest(array_append(o.participant_ids, o.organizer_id)) AS p) x
            WHERE (@all OR o.organizer_id = @me)
              AND (o.start_utc AT TIME ZONE o.time_zone_id)::date BETWEEN @from AND @to
            ORDER BY o.start_utc DESC
            LIMIT {Max}
            """,
            [Bool("all", user.IsInRole(Roles.Admin)), Uuid("me", user.Id), Date("from", query.From), Date("to", query.To)],
            r => new ReportEventItem(r.GetGuid(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2), r.GetString(3), r.GetInt32(4), r.GetInt32(5)),
            cancellationToken);
    }
}
