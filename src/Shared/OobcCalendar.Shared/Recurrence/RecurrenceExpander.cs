using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Evaluation;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Shared.Recurrence;

/// <summary>One occurrence of a series: its start and end as instants.</summary>
public sealed record OccurrenceSlot(DateTimeOffset Start, DateTimeOffset End);

/// <summary>
/// Expands RFC 5545 rules (Ical.Net underneath) in the series' own zone, so 09:00 stays 09:00 across
/// daylight-saving changes. Every expansion is bounded by work, never by the clock (a busy machine gets the
/// same answer as a quiet one): by a count of occurrences, by a window, by Ical.Net's unmatched-increment
/// limit and by a budget of candidate occurrences looked at, and fails with a clear message instead of
/// spinning (Ical.Net 5 can loop forever on sub-daily rules across a fall-back hour, ical-org/ical.net#875,
/// which <see cref="EnsureSubDailyAvoidsFallBack"/> refuses before expanding).
/// </summary>
public static class RecurrenceExpander
{
    /// <summary>Most occurrences one expansion may produce.</summary>
    public const int DefaultMaxOccurrences = 1000;

    /// <summary>
    /// Most candidate occurrences one expansion may look at, in or before its window (about 0.4 s of Ical.Net's work
    /// on a quiet machine here). Series that seek (<see cref="CanSeek"/>) start at the window and rarely need more than
    /// the window holds; the others walk from their first occurrence, and a 100-year-old daily series still fits.
    /// </summary>
    public const int MaxCandidates = 100_000;

    // Marks the "too many occurrences" error so callers can tell it from an unreadable rule without parsing the message.
    private const string OccurrenceLimitMarker = "oobc:recurrence-occurrence-limit";

    /// <summary>
    /// Whether <paramref name="error"/> is the refusal of a rule that makes more occurrences than allowed (as opposed to an
    /// unreadable rule, one without occurrences or one too complex to expand). Importers block a whole file on this one.
    /// </summary>
    public static bool IsOccurrenceLimit(Exception error) => error is InputValidationException && error.Data.Contains(OccurrenceLimitMarker);

    /// <summary>
    /// Occurrences of <paramref name="rrule"/> (without the "RRULE:" prefix) for a first occurrence starting at
    /// <paramref name="firstStartLocal"/> (wall-clock time in <paramref name="timeZoneId"/>) and lasting
    /// <paramref name="duration"/>, starting before <paramref name="windowEnd"/> (and ending after <paramref name="windowStart"/>, when given), skipping <paramref name="exceptions"/> (local starts).
    /// </summary>
    public static IReadOnlyList<OccurrenceSlot> Expand(
        string rrule,
        DateTime firstStartLocal,
        TimeSpan duration,
        string timeZoneId,
        DateTimeOffset windowEnd,
        int maxOccurrences = DefaultMaxOccurrences,
        IReadOnlyCollection<DateTime>? exceptions = null,
        DateTimeOffset? windowStart = null)
    {
        var pattern = Parse(rrule);
        if (!OfficeTime.IsKnownZone(timeZoneId))
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["TimeZoneId"] = [$"Unknown time zone '{timeZoneId}'."] });
        }

        EnsureSubDailyAvoidsFallBack(pattern, firstStartLocal, timeZoneId, windowEnd);
        var calendarEvent = new CalendarEvent
        {
            DtStart = new CalDateTime(DateTime.SpecifyKind(firstStartLocal, DateTimeKind.Unspecified), timeZoneId),
            Duration = Duration.FromTimeSpanExact(duration),
            RecurrenceRule = pattern,
        };
        var options = new EvaluationOptions { MaxUnmatchedIncrementsLimit = 5000 };
        var skip = exceptions?.Select(e => DateTime.SpecifyKind(e, DateTimeKind.Unspecified)).ToHashSet() ?? [];
        var result = new List<OccurrenceSlot>();
        // Seek only when the window starts well after the first occurrence (callers pass MinValue for "from the start").
        var seekTicks = windowStart is { } seek ? seek.UtcTicks - duration.Ticks : 0;
        var seekTo = CanSeek(pattern) && seekTicks > firstStartLocal.Ticks + TimeSpan.TicksPerDay
            ? new CalDateTime(new DateTime(seekTicks, DateTimeKind.Utc))
            : null;
        var candidates = 0;
        try
        {
            foreach (var occurrence in calendarEvent.GetOccurrences(seekTo, options))
            {
                var start = new DateTimeOffset(occurrence.Period.StartTime.AsUtc, TimeSpan.Zero);
                if (start >= windowEnd)
                {
                    break;
                }

                if (++candidates > MaxCandidates)
                {
                    throw TooComplex();
                }

                if (skip.Contains(occurrence.Period.StartTime.Value) || (windowStart is { } from && start + duration <= from))
                {
                    continue;
                }

                result.Add(new OccurrenceSlot(start, start + duration));
                if (result.Count > maxOccurrences)
                {
                    var tooMany = new InputValidationException(new Dictionary<string, string[]>
                    {
                        ["Recurrence"] = [$"This rule makes more than {maxOccurrences} occurrences in the period. Add an end date or a count."],
                    });
                    tooMany.Data[OccurrenceLimitMarker] = true;
                    throw tooMany;
                }
            }
        }
        catch (EvaluationLimitExceededException)
        {
            // Ical.Net gives up after many candidate dates without a match: with nothing found, the rule most
            // likely never matches (e.g. 30 February), which is what the user needs to hear.
            throw result.Count == 0 && windowStart is null ? NoOccurrences() : TooComplex();
        }

        // An empty window is normal (a series that ended); an empty rule is a mistake the user must hear about.
        if (result.Count == 0 && windowStart is null)
        {
            throw NoOccurrences();
        }

        return result;
    }

    /// <summary>
    /// Whether Ical.Net can start this rule at the window instead of at its first occurrence without hidden work: it
    /// jumps ahead for daily and coarser rules without COUNT, but walks a COUNT rule (it must count) and a sub-daily
    /// one from the start internally, where no budget of ours would see it. Those are walked here, counted.
    /// </summary>
    private static bool CanSeek(RecurrencePattern pattern) =>
        pattern.Count is null && pattern.Frequency is FrequencyType.Daily or FrequencyType.Weekly or FrequencyType.Monthly or FrequencyType.Yearly;

    /// <summary>Parses an RRULE value (with or without the "RRULE:" prefix) or fails with a readable message.</summary>
    public static RecurrencePattern Parse(string rrule)
    {
        var value = (rrule ?? string.Empty).Trim();
        if (value.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase))
        {
            value = value[6..];
        }

        try
        {
            var pattern = new RecurrencePattern(value);
            if (!value.Contains("FREQ=", StringComparison.OrdinalIgnoreCase))
            {
                throw new FormatException("FREQ is missing.");
            }

            return pattern;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            throw new InputValidationException(new Dictionary<string, string[]>
            {
                ["Recurrence"] = [$"'{value}' is not a valid recurrence rule (RFC 5545), e.g. FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10."],
            });
        }
    }

    /// <summary>
    /// Ical.Net 5 mishandles rules repeating within a day (HOURLY, MINUTELY, SECONDLY) across a fall-back hour: it
    /// loses occurrences, repeats others, and with UNTIL spins inside its own enumerator, where no time budget can
    /// stop it (ical-org/ical.net#875, fixed only in 6.x, which is not available). Such a rule is refused when its
    /// reach (up to the window end, its UNTIL, or its COUNT when no BY-part thins it out) contains a fall-back.
    /// </summary>
    private static void EnsureSubDailyAvoidsFallBack(RecurrencePattern pattern, DateTime firstStartLocal, string timeZoneId, DateTimeOffset windowEnd)
    {
        var step = pattern.Frequency switch
        {
            FrequencyType.Hourly => TimeSpan.FromHours(1),
            FrequencyType.Minutely => TimeSpan.FromMinutes(1),
            FrequencyType.Secondly => TimeSpan.FromSeconds(1),
            _ => TimeSpan.Zero,
        };
        if (step == TimeSpan.Zero)
        {
            return;
        }

        var zone = OfficeTime.Zone(timeZoneId);
        var start = WallClock.ToInstant(firstStartLocal, zone);
        var end = windowEnd;
        if (pattern.Until is { } until && until.AsUtc < end.UtcDateTime)
        {
            end = new DateTimeOffset(until.AsUtc, TimeSpan.Zero);
        }

        var thinned = pattern.ByHour.Count + pattern.ByMinute.Count + pattern.BySecond.Count + pattern.ByDay.Count + pattern.ByMonthDay.Count
            + pattern.ByMonth.Count + pattern.ByYearDay.Count + pattern.ByWeekNo.Count + pattern.BySetPosition.Count > 0;
        if (pattern.Count is { } count && !thinned)
        {
            var reach = Math.Min((double)count * Math.Max(1, pattern.Interval) * step.TotalDays, 36600);
            end = Min(end, start.AddDays(reach));
        }

        // Offsets change at most a few times a year, so comparing day by day (and at the end) finds every fall-back.
        var last = Min(end, start.AddYears(100));
        var previous = zone.GetUtcOffset(start);
        for (var t = start.AddDays(1); ; t = t.AddDays(1))
        {
            var at = Min(t, last);
            var offset = zone.GetUtcOffset(at);
            if (offset < previous)
            {
                var day = TimeZoneInfo.ConvertTime(at, zone).ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
                throw new InputValidationException(new Dictionary<string, string[]>
                {
                    ["Recurrence"] = [$"A rule repeating within a day cannot run across the daylight-saving change in {timeZoneId} around {day}. End it before then, or repeat daily at chosen hours (FREQ=DAILY;BYHOUR=9,13)."],
                });
            }

            previous = offset;
            if (at >= last)
            {
                return;
            }
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static InputValidationException NoOccurrences() =>
        new(new Dictionary<string, string[]> { ["Recurrence"] = ["This rule produces no occurrences. Check its days and end."] });

    private static InputValidationException TooComplex() => new(new Dictionary<string, string[]>
    {
        ["Recurrence"] = ["This recurrence rule is too complex to expand safely. Simplify it (e.g. fewer BY-parts, a daily or weekly frequency)."],
    });
}
