using OobcCalendar.Shared.Recurrence;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Notifications.Features.EventsReadModel;

/// <summary>One occurrence: <see cref="RecurrenceIdUtc"/> is its key (its original start), Start/End where it is now.</summary>
internal sealed record KnownOccurrence(DateTimeOffset RecurrenceIdUtc, DateTimeOffset StartUtc, DateTimeOffset EndUtc);

/// <summary>The live (not cancelled) occurrences of a known event in a window, with per-occurrence moves applied.</summary>
internal static class KnownOccurrences
{
    /// <summary>Most occurrences one window yields (a minutely series cannot explode the reminder table).</summary>
    public const int MaxPerWindow = 500;

    public static IReadOnlyList<KnownOccurrence> Between(KnownEvent known, IReadOnlyCollection<KnownOccurrenceChange> changes, DateTimeOffset from, DateTimeOffset to)
    {
        if (known.Cancelled)
        {
            return [];
        }

        if (!known.IsRecurring)
        {
            return known.StartUtc >= from && known.StartUtc <= to ? [new KnownOccurrence(known.StartUtc, known.StartUtc, known.EndUtc)] : [];
        }

        var duration = known.EndUtc - known.StartUtc;
        var byKey = changes.ToDictionary(c => c.RecurrenceIdUtc);
        var zone = OfficeTime.Zone(known.TimeZoneId);
        // A moved occurrence may now start inside the window though its original start is outside: look a day wider.
        var slots = RecurrenceExpander.Expand(
            known.RecurrenceRule!, WallClock.ToLocal(known.StartUtc, zone), duration, known.TimeZoneId,
            windowEnd: to.AddDays(1), maxOccurrences: MaxPerWindow, windowStart: from.AddDays(-1));
        var result = new List<KnownOccurrence>();
        foreach (var slot in slots)
        {
            var key = slot.Start.ToUniversalTime();
            if (known.CancelledFromUtc <= key || known.ExceptionDatesUtc.Contains(key))
            {
                continue;
            }

            byKey.TryGetValue(key, out var change);
            if (change is { Cancelled: true })
            {
                continue;
            }

            var occurrence = new KnownOccurrence(key, change?.StartUtc ?? key, change?.EndUtc ?? key + duration);
            if (occurrence.StartUtc >= from && occurrence.StartUtc <= to)
            {
                result.Add(occurrence);
            }
        }

        return result;
    }

    /// <summary>Whether <paramref name="personId"/> declined this occurrence (its own answer beats the series' answer).</summary>
    public static bool Declined(IReadOnlyCollection<KnownAnswer> answers, Guid personId, DateTimeOffset recurrenceIdUtc, bool recurring)
    {
        var scope = recurring ? KnownAnswer.ScopeOf(recurrenceIdUtc) : KnownAnswer.SeriesScope;
        var own = answers.FirstOrDefault(a => a.ParticipantId == personId && a.Scope == scope)
            ?? answers.FirstOrDefault(a => a.ParticipantId == personId && a.Scope == KnownAnswer.SeriesScope);
        return own is not null && string.Equals(own.Response, "Declined", StringComparison.OrdinalIgnoreCase);
    }
}
