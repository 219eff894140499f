using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Recurrence;
using OobcCalendar.Shared.Users;
using OobcCalendar.Shared.Time;

namespace OobcCalendar.Modules.Scheduling.Domain.Events;

/// <summary>
/// An event, or a recurring series of them (RFC 5545 RRULE expanded in <see cref="TimeZoneId"/>, with EXDATEs and
/// per-occurrence overrides). <see cref="StartUtc"/>/<see cref="EndUtc"/> are the first occurrence's.
/// </summary>
internal sealed partial class CalendarEvent
{
    /// <summary>Longest an event may last; also how far back a calendar query looks for events overlapping its window.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(31);

    /// <summary>A rule must stay under this many occurrences in its first <see cref="ValidationSpan"/>.</summary>
    public const int MaxOccurrencesPerValidationSpan = 1000;

    /// <summary>Most occurrences the index stores for one series.</summary>
    public const int MaxIndexedOccurrences = 5000;

    private static readonly TimeSpan ValidationSpan = TimeSpan.FromDays(731);

    private CalendarEvent()
    {
    }

    public Guid Id { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string? Description { get; private set; }

    public string? Location { get; private set; }

    public DateTimeOffset StartUtc { get; private set; }

    public DateTimeOffset EndUtc { get; private set; }

    public string TimeZoneId { get; private set; } = OfficeTime.DefaultTimeZoneId;

    public bool AllDay { get; private set; }

    public Guid? CategoryId { get; private set; }

    public Guid OrganizerId { get; private set; }

    public Guid? OrganizerUnitId { get; private set; }

    public EventVisibility Visibility { get; private set; }

    public List<int>? ReminderMinutes { get; private set; }

    public string? RecurrenceRule { get; private set; }

    /// <summary>Original starts (UTC) of deleted occurrences (EXDATE).</summary>
    public List<DateTimeOffset> ExceptionDates { get; private set; } = [];

    /// <summary>Organizer and participants, kept in one array so "my events" is one indexed condition.</summary>
    public List<Guid> MemberIds { get; private set; } = [];

    /// <summary>End of the last occurrence (moved ones included); null for a series without end.</summary>
    public DateTimeOffset? SeriesEndUtc { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public Guid? CancelledBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The series this one was split from by a "this and following" edit.</summary>
    public Guid? SplitFromId { get; private set; }

    /// <summary>The iCalendar UID of the file this event was imported from (null when made here), so a second import of the same file skips it.</summary>
    public string? ExternalUid { get; private set; }

    /// <summary>Concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; private set; }

    public List<EventParticipant> Participants { get; private set; } = [];

    public List<EventOverride> Overrides { get; private set; } = [];

    /// <summary>Participants' answers for single occurrences (each wins over that person's series answer).</summary>
    public List<OccurrenceAnswer> OccurrenceAnswers { get; private set; } = [];

    public bool IsRecurring => RecurrenceRule is not null;

    public bool IsCancelled => CancelledAt is not null;

    public TimeSpan Duration => EndUtc - StartUtc;

    public TimeZoneInfo Zone => OfficeTime.Zone(TimeZoneId);

    /// <summary>Longest iCalendar UID kept for duplicate detection (longer ones are not kept: the event imports, but a re-import cannot spot it).</summary>
    public const int MaxExternalUidLength = 500;

    /// <summary>
    /// A new event or series organised by <paramref name="organizerId"/>; <paramref name="externalUid"/> is the UID of the
    /// iCalendar file it was imported from, if any.
    /// </summary>
    public static CalendarEvent Create(Guid id, EventDraft draft, Guid organizerId, Guid? organizerUnitId, DateTimeOffset now, string? externalUid = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var calendarEvent = new CalendarEvent
        {
            Id = id,
            OrganizerId = organizerId,
            OrganizerUnitId = organizerUnitId,
            CreatedAt = now,
            ExternalUid = string.IsNullOrWhiteSpace(externalUid) || externalUid.Length > MaxExternalUidLength ? null : externalUid,
        };
        calendarEvent.ApplyDetails(draft, now);
        calendarEvent.SetTimes(draft.Start, draft.End, draft.AllDay, draft.TimeZoneId, draft.RecurrenceRule);
        return calendarEvent;
    }

    /// <summary>Whether <paramref name="userId"/> organises or takes part in this event.</summary>
    public bool HasMember(Guid userId) => MemberIds.Contains(userId);

    /// <summary>Copies title, place, category, visibility, reminders and participants; returns who was added and removed.</summary>
    public (IReadOnlyList<Guid> Added, IReadOnlyList<Guid> Removed) ApplyDetails(EventDraft draft, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new Dictionary<string, string[]>();
        var title = (draft.Title ?? string.Empty).Trim();
        if (title.Length == 0)
        {
            errors["Title"] = ["Give the event a title."];
        }
        else if (title.Length > 200)
        {
            errors["Title"] = ["Keep the title under 200 characters."];
        }

        if (draft.ReminderMinutes is { } reminders && reminders.Any(m => m < 0 || m > 40320))
        {
            errors["ReminderMinutes"] = ["Reminders must be between 0 minutes and 4 weeks before the start."];
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        Title = title;
        Description = string.IsNullOrWhiteSpace(draft.Description) ? null : draft.Description.Trim();
        Location = string.IsNullOrWhiteSpace(draft.Location) ? null : draft.Location.Trim();
        CategoryId = draft.CategoryId;
        Visibility = draft.Visibility;
        ReminderMinutes = draft.ReminderMinutes?.Distinct().Order().ToList();
        var wanted = draft.ParticipantIds.Where(p => p != OrganizerId).Distinct().ToList();
        var removed = Participants.Where(p => !wanted.Contains(p.UserId)).Select(p => p.UserId).ToList();
        var added = wanted.Where(w => Participants.All(p => p.UserId != w)).ToList();
        Participants.RemoveAll(p => removed.Contains(p.UserId));
        OccurrenceAnswers.RemoveAll(a => removed.Contains(a.UserId));
        Participants.AddRange(added.Select(userId => new EventParticipant(Id, userId)));
        MemberIds = [OrganizerId, .. Participants.Select(p => p.UserId)];
        UpdatedAt = now;
        return (added, removed);
    }

    /// <summary>
    /// Records a participant's answer: for the whole series (<paramref name="recurrenceId"/> null, replacing any answers
    /// they gave single occurrences, as "all events" does in every calendar) or for one occurrence of it.
    /// </summary>
    public void Respond(Guid userId, ParticipantResponse response, DateTimeOffset now, DateTimeOffset? recurrenceId = null)
    {
        var participant = Participants.FirstOrDefault(p => p.UserId == userId)
            ?? throw new ForbiddenException("Only invited participants can answer this invitation.");
        if (response == ParticipantResponse.NeedsAction)
        {
            throw new BusinessRuleException("Choose accept, tentative or decline.");
        }

        if (recurrenceId is not { } rid || !IsRecurring)
        {
            participant.Response = response;
            participant.RespondedAt = now;
            OccurrenceAnswers.RemoveAll(a => a.UserId == userId);
        }
        else
        {
            OccurrenceAt(rid);
            var key = rid.ToUniversalTime();
            var existing = OccurrenceAnswers.FirstOrDefault(a => a.UserId == userId && a.RecurrenceId == key);
            if (existing is null)
            {
                OccurrenceAnswers.Add(new OccurrenceAnswer(Id, key, userId, response, now));
            }
            else
            {
                (existing.Response, existing.RespondedAt) = (response, now);
            }
        }

        UpdatedAt = now;
    }

    /// <summary>What <paramref name="userId"/> answered for the occurrence <paramref name="recurrenceId"/> (their series answer unless they answered it alone).</summary>
    public ParticipantResponse? ResponseOf(Guid userId, DateTimeOffset? recurrenceId) =>
        (recurrenceId is { } rid ? OccurrenceAnswers.FirstOrDefault(a => a.UserId == userId && a.RecurrenceId == rid.ToUniversalTime())?.Response : null)
        ?? Participants.FirstOrDefault(p => p.UserId == userId)?.Response;

    /// <summary>Cancels the whole event or series.</summary>
    public void Cancel(Guid by, DateTimeOffset now)
    {
        if (IsCancelled)
        {
            throw new BusinessRuleException("This event is already cancelled.");
        }

        CancelledAt = now;
        CancelledBy = by;
        UpdatedAt = now;
    }

    /// <summary>
    /// Sets start, end, zone and rule (for a new event or a whole-series edit without an anchor) after checking them:
    /// end after start, at most <see cref="MaxDuration"/>, a known zone, a rule that yields between 1 and
    /// <see cref="MaxOccurrencesPerValidationSpan"/> occurrences in its first two years. A series starts on the first
    /// occurrence its rule yields at or after the start given, so its DTSTART is always one of its occurrences.
    /// </summary>
    private void SetTimes(DateTimeOffset start, DateTimeOffset end, bool allDay, string timeZoneId, string? rule)
    {
        var errors = new Dictionary<string, string[]>();
        if (!OfficeTime.IsKnownZone(timeZoneId))
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["TimeZoneId"] = [$"Unknown time zone '{timeZoneId}'."] });
        }

        var zone = OfficeTime.Zone(timeZoneId);
        if (allDay)
        {
            // All-day events span whole local days, whatever times the client sent.
            (start, end) = WholeDays(start, end, zone);
        }

        if (end <= start)
        {
            errors["End"] = ["The end must be after the start."];
        }
        else if (end - start > MaxDuration)
        {
            errors["End"] = [$"An event can last at most {MaxDuration.TotalDays:0} days."];
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        var normalisedRule = string.IsNullOrWhiteSpace(rule) ? null : NormaliseRule(rule);
        if (normalisedRule is not null)
        {
            (start, end) = OnRule(normalisedRule, start, end, allDay, timeZoneId, zone);
        }

        StartUtc = start.ToUniversalTime();
        EndUtc = end.ToUniversalTime();
        AllDay = allDay;
        TimeZoneId = timeZoneId;
        RecurrenceRule = normalisedRule;
        SeriesEndUtc = ComputeSeriesEnd();
    }

    /// <summary>
    /// Where a new series made from <paramref name="draft"/> starts when that is not the draft's own start (its rule's
    /// first occurrence is later, e.g. a Monday start with a "first Friday" rule), so the editor can say so; null when it
    /// starts as drafted, does not repeat, or will be refused (the server then says why).
    /// </summary>
    public static DateTimeOffset? MovedSeriesStart(EventDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (string.IsNullOrWhiteSpace(draft.RecurrenceRule) || !OfficeTime.IsKnownZone(draft.TimeZoneId))
        {
            return null;
        }

        var zone = OfficeTime.Zone(draft.TimeZoneId);
        var (start, end) = draft.AllDay ? WholeDays(draft.Start, draft.End, zone) : (draft.Start, draft.End);
        if (end <= start || end - start > MaxDuration)
        {
            return null;
        }

        try
        {
            var first = OnRule(NormaliseRule(draft.RecurrenceRule), start, end, draft.AllDay, draft.TimeZoneId, zone).Start;
            return first == start ? null : first;
        }
        catch (UserFacingException)
        {
            return null;
        }
    }

    /// <summary>
    /// <paramref name="start"/>–<paramref name="end"/> moved onto the first occurrence <paramref name="rule"/> yields at or
    /// after the start. Fails with a clear message for unreadable rules, rules without occurrences and absurdly dense ones.
    /// </summary>
    private static (DateTimeOffset Start, DateTimeOffset End) OnRule(
        string rule, DateTimeOffset start, DateTimeOffset end, bool allDay, string timeZoneId, TimeZoneInfo zone)
    {
        var slots = RecurrenceExpander.Expand(
            rule, WallClock.ToLocal(start, zone), end - start, timeZoneId, start + ValidationSpan, MaxOccurrencesPerValidationSpan);
        // RFC 5545 leaves a DTSTART outside its rule undefined: this calendar skips it, others show it as an extra
        // occurrence (a Monday "first Friday" meeting). The series starts on its first real occurrence instead.
        return StartedOn(slots[0].Start, start, end, allDay, zone);
    }

    /// <summary>
    /// <paramref name="start"/>–<paramref name="end"/> moved to <paramref name="firstStart"/> (the rule's first occurrence, at
    /// or after the start, at the same time of day), keeping the duration, or as many whole local days for all-day events.
    /// </summary>
    private static (DateTimeOffset Start, DateTimeOffset End) StartedOn(
        DateTimeOffset firstStart, DateTimeOffset start, DateTimeOffset end, bool allDay, TimeZoneInfo zone)
    {
        if (firstStart == start)
        {
            return (start, end);
        }

        if (!allDay)
        {
            return (firstStart, firstStart + (end - start));
        }

        var days = LocalDate(end, zone).DayNumber - LocalDate(start, zone).DayNumber;
        var firstDay = LocalDate(firstStart, zone);
        return (WallClock.AtMidnight(firstDay, zone), WallClock.AtMidnight(firstDay.AddDays(days), zone));
    }

    /// <summary>The local days from <paramref name="start"/>'s to <paramref name="end"/>'s (exclusive; at least one), as instants.</summary>
    private static (DateTimeOffset Start, DateTimeOffset End) WholeDays(DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone)
    {
        var firstDay = LocalDate(start, zone);
        var lastDayExclusive = LocalDate(end, zone);
        if (lastDayExclusive <= firstDay)
        {
            lastDayExclusive = firstDay.AddDays(1);
        }

        return (WallClock.AtMidnight(firstDay, zone), WallClock.AtMidnight(lastDayExclusive, zone));
    }

    private static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(WallClock.ToLocal(instant, zone));

    /// <summary>
    /// End of the occurrence starting at <paramref name="start"/>. An all-day occurrence ends at the local midnight as
    /// many days on as the first one: days last 23 or 25 hours around daylight-saving changes (a London weekend has
    /// 47 or 49), so start + <see cref="Duration"/> would end some at 23:00 the day before or 01:00 the day after.
    /// </summary>
    private DateTimeOffset EndOf(DateTimeOffset start) =>
        AllDay
            ? WallClock.AtMidnight(LocalDate(start, Zone).AddDays(LocalDate(EndUtc, Zone).DayNumber - LocalDate(StartUtc, Zone).DayNumber), Zone).ToUniversalTime()
            : start + Duration;

    private static string NormaliseRule(string rule)
    {
        var value = rule.Trim();
        return value.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase) ? value[6..] : value;
    }

    private DateTimeOffset? ComputeSeriesEnd()
    {
        if (RecurrenceRule is null)
        {
            return EndUtc;
        }

        if (!RRuleEditing.Ends(RecurrenceRule))
        {
            return null;
        }

        var all = RecurrenceExpander.Expand(
            RecurrenceRule, WallClock.ToLocal(StartUtc, Zone), Duration, TimeZoneId, StartUtc.AddYears(100), MaxIndexedOccurrences * 10);
        // An occurrence moved past the rule's last one (an override) is still part of the series.
        return Overrides.Select(o => o.EndUtc).Append(EndOf(all[^1].Start)).Max();
    }
}
