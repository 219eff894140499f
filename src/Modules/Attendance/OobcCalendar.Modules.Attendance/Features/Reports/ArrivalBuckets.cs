namespace OobcCalendar.Modules.Attendance.Features.Reports;

/// <summary>
/// Arrival against the start, in minutes after it: early (before the start), 0–5, 5–15, 15–30 and 30+ minutes late.
/// Each bucket includes its lower bound (arriving exactly 5:00 late is "5–15"). The SQL and the export use the same bounds.
/// </summary>
internal static class ArrivalBuckets
{
    public static readonly IReadOnlyList<string> Labels = ["Early", "0–5 min", "5–15 min", "15–30 min", "30+ min"];

    /// <summary>Keys for exports (plain ASCII).</summary>
    public static readonly IReadOnlyList<string> Keys = ["early", "0-5", "5-15", "15-30", "30+"];

    /// <summary>The SQL expression of the bucket index for a number of minutes late <paramref name="minutes"/>.</summary>
    public static string Sql(string minutes) =>
        $"CASE WHEN {minutes} < 0 THEN 0 WHEN {minutes} < 5 THEN 1 WHEN {minutes} < 15 THEN 2 WHEN {minutes} < 30 THEN 3 ELSE 4 END";

    public static int Of(double minutesLate) => minutesLate switch
    {
        < 0 => 0,
        < 5 => 1,
        < 15 => 2,
        < 30 => 3,
        _ => 4,
    };
}
