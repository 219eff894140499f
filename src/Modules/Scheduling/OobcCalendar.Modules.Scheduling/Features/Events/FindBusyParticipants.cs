using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Scheduling.Features.Events;

/// <summary>
/// Which of these people already have an event (not declined, not cancelled) or an approved room or vehicle booking
/// (the busy read model, docs/adr/0010) overlapping the time, for the "already busy" warning. With
/// <paramref name="Series"/>, the later occurrences of the series being moved are checked as well, each shifted as the
/// move shifts them.
/// </summary>
internal sealed record FindBusyParticipants(
    IReadOnlyList<Guid> UserIds, DateTimeOffset Start, DateTimeOffset End, Guid? IgnoreEventId, SeriesShift? Series = null) : IQuery<IReadOnlyList<BusyParticipant>>;

/// <summary>The occurrences of the series <c>IgnoreEventId</c> from <paramref name="FromUtc"/> on, each moved by <paramref name="Shift"/>.</summary>
internal sealed record SeriesShift(DateTimeOffset FromUtc, TimeSpan Shift);

/// <summary>
/// A person who is busy: at the chosen time (<paramref name="AtChosenTime"/>), and/or at a later moved occurrence
/// (the first such start in <paramref name="FirstLaterClash"/>). <paramref name="Because"/> names what holds them at the
/// chosen time when it is only a booking (e.g. "Room booking"); null when an event does.
/// </summary>
internal sealed record BusyParticipant(Guid UserId, string DisplayName, bool AtChosenTime = true, DateTimeOffset? FirstLaterClash = null, string? Because = null)
{
    /// <summary>The name as the warning shows it: "Jamal Usman (room booking)" when a booking is all that holds them.</summary>
    public string ShownName => Because is null ? DisplayName : $"{DisplayName} ({Because.ToLowerInvariant()})";
}

internal sealed class FindBusyParticipantsHandler(IDbContextFactory<SchedulingDbContext> contexts, IUserDirectory directory, TimeProvider clock)
    : IQueryHandler<FindBusyParticipants, IReadOnlyList<BusyParticipant>>
{
    /// <summary>How far after the moved occurrence later ones are checked, and at most how many.</summary>
    public static readonly TimeSpan LaterWindow = TimeSpan.FromDays(90);

    public const int MaxLaterOccurrences = 60;

    public async ValueTask<IReadOnlyList<BusyParticipant>> Handle(FindBusyParticipants query, CancellationToken cancellationToken)
    {
        var ids = query.UserIds.Distinct().ToArray();
        if (ids.Length == 0 || query.End <= query.Start)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var later = await LaterRangesAsync(db, query, cancellationToken);
        var spanStart = later.Select(r => r.Start).Append(query.Start).Min();
        var spanEnd = later.Select(r => r.End).Append(query.End).Max();
        var earliest = spanStart - CalendarEvent.MaxDuration;
        var clashes = await (
            from o in db.Occurrences
            join e in db.Events on o.EventId equals e.Id
            where o.StartUtc < spanEnd && o.StartUtc > earliest && o.EndUtc > spanStart
                  && e.CancelledAt == null && e.Id != query.IgnoreEventId && e.MemberIds.Any(m => ids.Contains(m))
            select new
            {
                o.StartUtc,
                o.EndUtc,
                e.MemberIds,
                Declined = e.Participants.Where(p => p.Response == ParticipantResponse.Declined).Select(p => p.UserId).ToList(),
                Answers = e.OccurrenceAnswers.Where(x => x.RecurrenceId == o.RecurrenceId).Select(x => new { x.UserId, x.Response }).ToList(),
            }).ToListAsync(cancellationToken);

        // Not busy: who declined this occurrence, or declined the series and did not say yes to this one.
        IEnumerable<Guid> Attending(int i) => clashes[i].MemberIds.Where(m =>
            clashes[i].Answers.FirstOrDefault(x => x.UserId == m) is { } answer
                ? answer.Response != ParticipantResponse.Declined
                : !clashes[i].Declined.Contains(m));
        var atChosenTime = new HashSet<Guid>();
        var firstLater = new Dictionary<Guid, DateTimeOffset>();
        for (var i = 0; i < clashes.Count; i++)
        {
            var c = clashes[i];
            var people = Attending(i).Where(ids.Contains).ToList();
            if (c.StartUtc < query.End && c.EndUtc > query.Start)
            {
                atChosenTime.UnionWith(people);
            }

            foreach (var range in later.Where(r => c.StartUtc < r.End && c.EndUtc > r.Start))
            {
                foreach (var person in people)
                {
                    firstLater[person] = firstLater.TryGetValue(person, out var known) && known < range.Start ? known : range.Start;
                }
            }
        }

        var bookedOnly = await AddBookingsAsync(db, ids, query, later, (spanStart, spanEnd), atChosenTime, firstLater, cancellationToken);
        var busy = atChosenTime.Union(firstLater.Keys).ToList();
        if (busy.Count == 0)
        {
            return [];
        }

        var directoryPeople = await directory.GetManyAsync(busy, cancellationToken);
        return directoryPeople
            .Select(p => new BusyParticipant(
                p.Id, p.DisplayName, atChosenTime.Contains(p.Id), firstLater.TryGetValue(p.Id, out var at) ? at : null, bookedOnly.GetValueOrDefault(p.Id)))
            .OrderBy(p => p.DisplayName)
            .ToList();
    }

    /// <summary>
    /// Adds who an approved booking holds (at the chosen time, or at a later moved occurrence) and returns, for those held
    /// at the chosen time by a booking alone, the booking's label.
    /// </summary>
    private static async Task<Dictionary<Guid, string>> AddBookingsAsync(
        SchedulingDbContext db,
        Guid[] ids,
        FindBusyParticipants query,
        List<(DateTimeOffset Start, DateTimeOffset End)> later,
        (DateTimeOffset Start, DateTimeOffset End) span,
        HashSet<Guid> atChosenTime,
        Dictionary<Guid, DateTimeOffset> firstLater,
        CancellationToken cancellationToken)
    {
        var bookings = await db.ExternalBusy.AsNoTracking()
            .Where(b => ids.Contains(b.PersonId) && b.StartUtc < span.End && b.EndUtc > span.Start)
            .OrderBy(b => b.StartUtc)
            .Select(b => new { b.PersonId, b.StartUtc, b.EndUtc, b.Label })
            .ToListAsync(cancellationToken);
        var bookedOnly = new Dictionary<Guid, string>();
        foreach (var b in bookings)
        {
            if (b.StartUtc < query.End && b.EndUtc > query.Start && (bookedOnly.ContainsKey(b.PersonId) || atChosenTime.Add(b.PersonId)))
            {
                bookedOnly.TryAdd(b.PersonId, b.Label);
            }

            foreach (var range in later.Where(r => b.StartUtc < r.End && b.EndUtc > r.Start))
            {
                firstLater[b.PersonId] = firstLater.TryGetValue(b.PersonId, out var known) && known < range.Start ? known : range.Start;
            }
        }

        return bookedOnly;
    }

    /// <summary>The series' later occurrences as the move would place them (none without <see cref="FindBusyParticipants.Series"/>).</summary>
    private async Task<List<(DateTimeOffset Start, DateTimeOffset End)>> LaterRangesAsync(SchedulingDbContext db, FindBusyParticipants query, CancellationToken cancellationToken)
    {
        if (query is not { Series: { } series, IgnoreEventId: { } seriesId })
        {
            return [];
        }

        // Only what is still ahead (a clash in the past warns nobody), up to LaterWindow after the moved occurrence.
        var from = series.FromUtc > clock.GetUtcNow() ? series.FromUtc : clock.GetUtcNow();
        var until = (query.Start > from ? query.Start : from) + LaterWindow;
        var occurrences = await db.Occurrences.AsNoTracking()
            .Where(o => o.EventId == seriesId && o.StartUtc > from && o.StartUtc < until)
            .OrderBy(o => o.StartUtc)
            .Take(MaxLaterOccurrences)
            .Select(o => new { o.StartUtc, o.EndUtc })
            .ToListAsync(cancellationToken);
        return occurrences
            .Select(o => (o.StartUtc + series.Shift, o.EndUtc + series.Shift))
            .Where(r => r.Item1 != query.Start)
            .ToList();
    }
}
