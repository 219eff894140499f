using System.Globalization;
using System.Text;

namespace OobcCalendar.Modules.Sharing.Features.Feeds;

/// <summary>
/// Joins whole VEVENT and VTIMEZONE blocks from other modules' .ics answers into one calendar (text level: nothing is
/// parsed or rewritten, so a series keeps its RRULE, EXDATEs and RECURRENCE-ID overrides), adds single entries, and
/// writes the subscription properties (name, refresh interval).
/// </summary>
internal sealed class IcsComposition(string name, DateTimeOffset now)
{
    private readonly Dictionary<string, string> zones = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> events = new(StringComparer.Ordinal);

    public void AddCalendarText(string ics)
    {
        var lines = ics.Replace("\r\n ", string.Empty, StringComparison.Ordinal).Split("\r\n");
        var block = new List<string>();
        string? kind = null;
        foreach (var line in lines)
        {
            if (kind is null && line is "BEGIN:VEVENT" or "BEGIN:VTIMEZONE")
            {
                kind = line[6..];
                block.Clear();
            }

            if (kind is null)
            {
                continue;
            }

            block.Add(line);
            if (line == "END:" + kind)
            {
                var key = Key(kind, block);
                var target = kind == "VEVENT" ? events : zones;
                target.TryAdd(key, string.Join("\r\n", block.Select(Fold)));
                kind = null;
            }
        }
    }

    public void AddTimed(string uid, DateTimeOffset start, DateTimeOffset end, string title, string? description) =>
        AddEvent(uid, $"DTSTART:{Utc(start)}", $"DTEND:{Utc(end)}", title, description);

    public void AddAllDay(string uid, DateOnly first, DateOnly endExclusive, string title) =>
        AddEvent(uid, $"DTSTART;VALUE=DATE:{first:yyyyMMdd}", $"DTEND;VALUE=DATE:{endExclusive:yyyyMMdd}", title, null);

    public string ToText()
    {
        var text = new StringBuilder();
        text.Append("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//OOBC//OobcCalendar Sharing//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n");
        text.Append(Fold("X-WR-CALNAME:" + Escape(name))).Append("\r\n");
        // Google and Outlook poll on their own schedule; these ask for hourly where a client honours them.
        text.Append("REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\nX-PUBLISHED-TTL:PT1H\r\n");
        foreach (var zone in zones.OrderBy(z => z.Key, StringComparer.Ordinal))
        {
            text.Append(zone.Value).Append("\r\n");
        }

        foreach (var vevent in events.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            text.Append(vevent.Value).Append("\r\n");
        }

        return text.Append("END:VCALENDAR\r\n").ToString();
    }

    private void AddEvent(string uid, string start, string end, string title, string? description)
    {
        var lines = new List<string> { "BEGIN:VEVENT", "UID:" + uid, "DTSTAMP:" + Utc(now), start, end, "SUMMARY:" + Escape(title), "TRANSP:OPAQUE" };
        if (description is { Length: > 0 })
        {
            lines.Add("DESCRIPTION:" + Escape(description));
        }

        lines.Add("END:VEVENT");
        events.TryAdd(uid, string.Join("\r\n", lines.Select(Fold)));
    }

    private static string Key(string kind, List<string> block)
    {
        string Value(string property) => block.FirstOrDefault(l => l.StartsWith(property + ":", StringComparison.Ordinal) || l.StartsWith(property + ";", StringComparison.Ordinal)) ?? string.Empty;
        return kind == "VEVENT" ? Value("UID") + "|" + Value("RECURRENCE-ID") : Value("TZID");
    }

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Escape(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal).Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    // RFC 5545 3.1: lines longer than 75 octets are folded; never inside a UTF-8 sequence.
    private static string Fold(string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        if (bytes.Length <= 75)
        {
            return line;
        }

        var folded = new StringBuilder();
        var (count, limit) = (0, 75);
        foreach (var rune in line.EnumerateRunes())
        {
            if (count + rune.Utf8SequenceLength > limit)
            {
                folded.Append("\r\n ");
                (count, limit) = (0, 74);
            }

            folded.Append(rune.ToString());
            count += rune.Utf8SequenceLength;
        }

        return folded.ToString();
    }
}
