using System.Globalization;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Time;
using IcalEvent = Ical.Net.CalendarComponents.CalendarEvent;

namespace OobcCalendar.Modules.Scheduling.Features.Ics;

/// <summary>A VEVENT read as a draft for the domain, with a note when something had to be filled in.</summary>
internal sealed record IcsDraft(EventDraft Draft, string? Note);

/// <summary>Reads one VEVENT's title, times, zone, rule, visibility, category and reminders into an <see cref="EventDraft"/>.</summary>
internal sealed class IcsEventReading(IcsTimeResolver times, IReadOnlyDictionary<string, Guid> categoriesByName)
{
    /// <summary>Length given to a timed event whose file gives no end (RFC 5545 would make it last no time at all).</summary>
    public static readonly TimeSpan DefaultLength = TimeSpan.FromMinutes(30);

    /// <summary>The name a VEVENT goes by in the preview and in skip reasons.</summary>
    public static string TitleOf(IcalEvent vevent) =>
        string.IsNullOrWhiteSpace(vevent.Summary) ? "(No title)" : Cut(vevent.Summary.Trim(), 200);

    /// <summary>The draft, or a <see cref="UserFacingException"/> saying why this VEVENT cannot be imported.</summary>
    public IcsDraft Read(IcalEvent vevent, string? rule)
    {
        var start = vevent.DtStart ?? throw Skip("it has no start time that can be read");
        var zoneId = times.ZoneOf(start, rule is not null)
            ?? throw Skip($"it uses the time zone “{start.TzId}”, which this calendar does not know");
        var allDay = !start.HasTime;
        // Checked on the wall-clock date before any conversion: a year-1 or year-9999 date has no instant in some zones.
        if (!DateLimits.Contains(start.Value) || (vevent.DtEnd is { } last && !DateLimits.Contains(last.Value)))
        {
            throw Skip($"its dates are outside {DateLimits.Described}, the dates this calendar keeps");
        }

        var from = times.Instant(start, zoneId);
        var (to, note) = End(vevent, from, zoneId, allDay);
        var draft = new EventDraft(
            TitleOf(vevent),
            vevent.Description is { Length: > 0 } description ? Cut(description, 8000) : null,
            vevent.Location is { Length: > 0 } location ? Cut(location, 300) : null,
            from,
            to,
            zoneId,
            allDay,
            vevent.Categories.Select(c => categoriesByName.TryGetValue(c.Trim(), out var id) ? id : (Guid?)null).FirstOrDefault(id => id is not null),
            (vevent.Class ?? string.Empty).ToUpperInvariant() switch { "PRIVATE" => EventVisibility.Private, "CONFIDENTIAL" => EventVisibility.BusyOnly, _ => EventVisibility.Normal },
            [],
            Reminders(vevent),
            rule is null ? null : IcsRules.UntilInUtc(rule, zoneId, allDay));
        return new IcsDraft(draft, note);
    }

    private (DateTimeOffset End, string? Note) End(IcalEvent vevent, DateTimeOffset start, string zoneId, bool allDay)
    {
        DateTimeOffset end;
        if (vevent.DtEnd is { } dtEnd)
        {
            end = times.Instant(dtEnd, zoneId);
        }
        else if (vevent.Duration is { } duration)
        {
            // Durations in days are calendar days (RFC 5545 §3.3.6): add them to the wall-clock time.
            var zone = Shared.Users.OfficeTime.Zone(zoneId);
            end = WallClock.ToInstant(WallClock.ToLocal(start, zone) + duration.ToTimeSpanUnspecified(), zone);
        }
        else
        {
            return allDay ? (start.AddDays(1), null) : (start + DefaultLength, "No end time in the file: imported as 30 minutes.");
        }

        if (end < start)
        {
            throw Skip("it ends before it starts");
        }

        return end == start && !allDay ? (start + DefaultLength, "No length in the file: imported as 30 minutes.") : (end, null);
    }

    /// <summary>Display alarms set relative to the start ("15 minutes before") become the event's reminders.</summary>
    private static List<int>? Reminders(IcalEvent vevent)
    {
        var minutes = vevent.Alarms
            .Select(a => a.Trigger)
            .Where(t => t is { IsRelative: true, Duration: { } } && !string.Equals(t.Related, "END", StringComparison.OrdinalIgnoreCase))
            .Select(t => -(int)Math.Round(t!.Duration!.Value.ToTimeSpanUnspecified().TotalMinutes))
            .Where(m => m is >= 0 and <= 40320)
            .Distinct()
            .Take(5)
            .ToList();
        return minutes.Count == 0 ? null : minutes;
    }

    private static string Cut(string value, int max) => value.Length <= max ? value : value[..max];

    private static BusinessRuleException Skip(string reason) =>
        new(char.ToUpper(reason[0], CultureInfo.InvariantCulture) + reason[1..] + ".");
}
