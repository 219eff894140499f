using OobcCalendar.Modules.Scheduling.Contracts.Replica;

namespace OobcCalendar.Modules.Notifications.Features.EventsReadModel;

/// <summary>The live (not cancelled) occurrences of a known event in a window, with per-occurrence moves applied.</summary>
internal static class KnownOccurrences
{
    /// <summary>Most occurrences one window yields (a minutely series cannot explode the reminder table).</summary>
    public const int MaxPerWindow = 500;

    /// <summary>The live occurrences starting in [<paramref name="from"/>, <paramref name="to"/>] (shared expansion, ADR 0038).</summary>
    public static IReadOnlyList<ReplicaOccurrence> Between(KnownEvent known, IReadOnlyCollection<OccurrenceChangeReplica> changes, DateTimeOffset from, DateTimeOffset to) =>
        known.Between(changes, from, to, MaxPerWindow);

    /// <summary>Whether <paramref name="personId"/> declined this occurrence (its own answer beats the series' answer).</summary>
    public static bool Declined(IReadOnlyCollection<KnownAnswer> answers, Guid personId, DateTimeOffset recurrenceIdUtc, bool recurring)
    {
        var scope = recurring ? KnownAnswer.ScopeOf(recurrenceIdUtc) : KnownAnswer.SeriesScope;
        var own = answers.FirstOrDefault(a => a.ParticipantId == personId && a.Scope == scope)
            ?? answers.FirstOrDefault(a => a.ParticipantId == personId && a.Scope == KnownAnswer.SeriesScope);
        return own is not null && string.Equals(own.Response, "Declined", StringComparison.OrdinalIgnoreCase);
    }
}
