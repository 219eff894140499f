using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using OobcCalendar.Modules.Attendance.Persistence;

namespace OobcCalendar.Modules.Attendance.Features.Reports;

/// <summary>
/// Runs the reports' hand-written, set-based SQL (GROUP BY, window functions) on the context's connection, with typed
/// parameters (a null Guid or an empty array still has a type PostgreSQL can use).
/// </summary>
internal static class ReportSql
{
    /// <summary>
    /// The occurrences that have a list, with their actual start (a moved occurrence of a series at its new time, a single
    /// event where it is now), leaving out cancelled events and occurrences, as <see cref="EventsReadModel.EventOccurrences"/>
    /// does. Columns: list_id, event_id, title, organizer_id, category_id, participant_ids, time_zone_id, start_utc.
    /// </summary>
    public const string Occurrences = """
        SELECT l.id AS list_id, e.event_id, e.title, e.organizer_id, e.category_id, e.participant_ids, e.time_zone_id,
               CASE WHEN e.recurrence_rule IS NULL THEN e.start_utc ELSE coalesce(c.start_utc, l.occurrence_start_utc) END AS start_utc
        FROM attendance.attendance_lists l
        JOIN attendance.known_events e ON e.event_id = l.event_id
        LEFT JOIN attendance.known_occurrence_changes c
               ON e.recurrence_rule IS NOT NULL AND c.event_id = l.event_id AND c.recurrence_id_utc = l.occurrence_start_utc
        WHERE NOT e.cancelled AND NOT coalesce(c.cancelled, false)
          AND (e.recurrence_rule IS NULL
               OR ((e.cancelled_from_utc IS NULL OR l.occurrence_start_utc < e.cancelled_from_utc)
                   AND NOT (l.occurrence_start_utc = ANY (e.exception_dates_utc))))
        """;

    public static NpgsqlParameter Uuid(string name, Guid? value) => new(name, NpgsqlDbType.Uuid) { Value = value is { } v ? v : DBNull.Value };

    public static NpgsqlParameter Uuids(string name, IEnumerable<Guid?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = values.ToArray() };

    public static NpgsqlParameter Uuids(string name, IEnumerable<Guid> values) => new(name, NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = values.ToArray() };

    public static NpgsqlParameter Instant(string name, DateTimeOffset value) => new(name, NpgsqlDbType.TimestampTz) { Value = value.ToUniversalTime() };

    public static NpgsqlParameter Date(string name, DateOnly value) => new(name, NpgsqlDbType.Date) { Value = value };

    public static NpgsqlParameter Int(string name, int value) => new(name, NpgsqlDbType.Integer) { Value = value };

    public static NpgsqlParameter Bool(string name, bool value) => new(name, NpgsqlDbType.Boolean) { Value = value };

    public static async Task<List<T>> QueryAsync<T>(AttendanceDbContext db, string sql, IReadOnlyList<NpgsqlParameter> parameters, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var parameter in parameters)
        {
            // A parameter object belongs to one command: each query gets its own copy.
            command.Parameters.Add(parameter.Clone());
        }

        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    public static Guid? NullableGuid(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetGuid(ordinal);
}
