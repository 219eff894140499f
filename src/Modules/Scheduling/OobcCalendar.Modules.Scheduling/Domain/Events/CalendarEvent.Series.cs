using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Recurrence;
using OobcCalendar.Shared.Time;

namespace OobcCalendar.Modules.Scheduling.Domain.Events;

/// <summary>Occurrences and the three kinds of series edit: one occurrence, this and following, the whole series.</summary>
internal sealed partial class CalendarEvent
{
    /// <summary>
    /// Occurrences overlapping [<paramref name="from"/>, <paramref name="to"/>), overrides applied and EXDATEs removed.
    /// An override moved into the window from elsewhere is included; one moved out of it is not.
    /// </summary>
    public IReadOnlyList<Occurrence> Occurrences(DateTimeOffset from, DateTimeOffset to, int max = MaxIndexedOccurrences)
    {
        if (!IsRecurring)
        {
            return StartUtc < to && EndUtc > from ? [new Occurrence(StartUtc, StartUtc, EndUtc, null)] : [];
        }

        var overrides = Overrides.ToDictionary(o => o.RecurrenceId);
        var result = new List<Occurrence>();
        foreach (var slot in RuleSlots(to, from, max, withExceptions: true))
        {
            var end = EndOf(slot.Start);
            if (!overrides.ContainsKey(slot.Start) && end > from)
            {
                result.Add(new Occurrence(slot.Start, slot.Start, end, null));
            }
        }

        result.AddRange(Overrides.Where(o => o.StartUtc < to && o.EndUtc > from).Select(o => new Occurrence(o.RecurrenceId, o.StartUtc, o.EndUtc, o)));
        return result.OrderBy(o => o.StartUtc).ToList();
    }

    /// <summary>The occurrence whose original start is <paramref name="recurrenceId"/>, or a clear error when there is none.</summary>
    public Occurrence OccurrenceAt(DateTimeOffset recurrenceId)
    {
        if (!IsRecurring)
        {
            return recurrenceId == StartUtc ? new Occurrence(StartUtc, StartUtc, EndUtc, null) : throw NoSuchOccurrence();
        }

        var existing = Overrides.FirstOrDefault(o => o.RecurrenceId == recurrenceId);
        if (existing is not null)
        {
            return new Occurrence(recurrenceId, existing.StartUtc, existing.EndUtc, existing);
        }

        return IsRuleOccurrence(recurrenceId) && !ExceptionDates.Contains(recurrenceId)
            ? new Occurrence(recurrenceId, recurrenceId, EndOf(recurrenceId), null)
            : throw NoSuchOccurrence();
    }

    /// <summary>
    /// Changes the whole event or series. <paramref name="anchorStartUtc"/> is the start the user saw when editing (an
    /// occurrence's, for a series): the series moves by the same wall-clock shift, weekly weekdays follow a change
    /// of day, and overrides and deleted dates move along where they still fall on an occurrence.
    /// </summary>
    public void ChangeSeries(EventDraft draft, DateTimeOffset anchorStartUtc, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!IsRecurring || string.IsNullOrWhiteSpace(draft.RecurrenceRule))
        {
            // A single event (or a series turned into one) simply takes the new times.
            Overrides.Clear();
            OccurrenceAnswers.Clear();
            ExceptionDates.Clear();
            SetTimes(draft.Start, draft.End, draft.AllDay, draft.TimeZoneId, draft.RecurrenceRule);
            UpdatedAt = now;
            return;
        }

        var zone = ZoneOf(draft.TimeZoneId);
        var shift = WallClock.ToLocal(draft.Start, zone) - WallClock.ToLocal(anchorStartUtc, Zone);
        var dayShift = (WallClock.ToLocal(draft.Start, zone).Date - WallClock.ToLocal(anchorStartUtc, Zone).Date).Days;
        var oldZone = Zone;
        DateTimeOffset Moved(DateTimeOffset id) => WallClock.ToInstant(WallClock.ToLocal(id, oldZone) + shift, zone).ToUniversalTime();
        // The same rule moved with the series: weekdays follow a day change, and UNTIL follows too, or moving every
        // occurrence later would push the last one past the end.
        var rule = draft.RecurrenceRule == RecurrenceRule
            ? RRuleEditing.ShiftUntil(RRuleEditing.ShiftWeekdays(RecurrenceRule!, dayShift), Moved, dayShift)
            : draft.RecurrenceRule;
        var newStart = WallClock.ToInstant(WallClock.ToLocal(StartUtc, Zone) + shift, zone);
        // All-day: as many local days as the draft spans (its hours may include a daylight-saving change the new start has not).
        var newEnd = draft.AllDay
            ? WallClock.AtMidnight(LocalDate(newStart, zone).AddDays(LocalDate(draft.End, zone).DayNumber - LocalDate(draft.Start, zone).DayNumber), zone)
            : newStart + (draft.End - draft.Start);
        var keptOverrides = Overrides.ToList();
        var keptExceptions = ExceptionDates.ToList();
        // Overrides that changed only details (the occurrence is where the series put it) keep following the series' times.
        var followsSeries = keptOverrides.Where(o => o.StartUtc == o.RecurrenceId && o.EndUtc == EndOf(o.RecurrenceId)).ToHashSet();
        SetTimes(newStart, newEnd, draft.AllDay, draft.TimeZoneId, rule);

        // Re-key overrides and EXDATEs by the same wall-clock shift; drop those that no longer name an occurrence.
        Overrides.Clear();
        foreach (var o in keptOverrides)
        {
            var id = Moved(o.RecurrenceId);
            if (!IsRuleOccurrence(id))
            {
                continue;
            }

            var (start, end) = followsSeries.Contains(o) ? (id, EndOf(id)) : (o.StartUtc, o.EndUtc);
            if (id == o.RecurrenceId)
            {
                (o.StartUtc, o.EndUtc) = (start, end);
                Overrides.Add(o);
            }
            else
            {
                // The key cannot change in place: a re-keyed override is a new row.
                Overrides.Add(new EventOverride(Id, id, start, end) { Title = o.Title, Description = o.Description, Location = o.Location });
            }
        }

        ExceptionDates = keptExceptions.Select(Moved).Where(IsRuleOccurrence).ToList();
        // Answers for single occurrences follow them like overrides; a new key is a new row.
        var keptAnswers = OccurrenceAnswers.ToList();
        OccurrenceAnswers.Clear();
        foreach (var a in keptAnswers)
        {
            var id = Moved(a.RecurrenceId);
            if (IsRuleOccurrence(id))
            {
                OccurrenceAnswers.Add(id == a.RecurrenceId ? a : a.For(Id, id));
            }
        }

        SeriesEndUtc = ComputeSeriesEnd();
        UpdatedAt = now;
    }

    /// <summary>Changes one occurrence only (RECURRENCE-ID override); fields equal to the series' stay inherited.</summary>
    public EventOverride OverrideOccurrence(DateTimeOffset recurrenceId, EventDraft draft, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        EnsureRecurring();
        OccurrenceAt(recurrenceId);
        if (draft.AllDay != AllDay)
        {
            throw new BusinessRuleException("One occurrence cannot switch between all-day and timed; change the whole series instead.");
        }

        // An occurrence keeps its own time, title, place and description only; who is invited, the category and the
        // visibility belong to the series. Refusing beats saving the rest and silently dropping those changes.
        var seriesLevel = draft.SeriesLevelDifferences(OrganizerId, Participants.Select(p => p.UserId), CategoryId, Visibility);
        if (seriesLevel.Count > 0)
        {
            throw new BusinessRuleException(
                $"The {string.Join(" and ", seriesLevel)} of a repeating event apply to every occurrence: choose \"This and following\" or \"All events\" to change them.");
        }

        var (start, end) = AllDay ? WholeDays(draft.Start, draft.End, Zone) : (draft.Start, draft.End);
        start = start.ToUniversalTime();
        end = end.ToUniversalTime();

        if (end <= start)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["End"] = ["The end must be after the start."] });
        }

        if (end - start > MaxDuration)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["End"] = [$"An event can last at most {MaxDuration.TotalDays:0} days."] });
        }

        var existing = Overrides.FirstOrDefault(o => o.RecurrenceId == recurrenceId);
        if (existing is null)
        {
            existing = new EventOverride(Id, recurrenceId, start, end);
            Overrides.Add(existing);
        }

        existing.StartUtc = start;
        existing.EndUtc = end;
        existing.Title = Differs(draft.Title, Title);
        existing.Description = Differs(draft.Description, Description);
        existing.Location = Differs(draft.Location, Location);
        SeriesEndUtc = ComputeSeriesEnd();
        UpdatedAt = now;
        return existing;
    }

    /// <summary>Deletes one occurrence (EXDATE). Deleting the last remaining one cancels the event.</summary>
    public void ExcludeOccurrence(DateTimeOffset recurrenceId, Guid by, DateTimeOffset now)
    {
        EnsureRecurring();
        OccurrenceAt(recurrenceId);
        Overrides.RemoveAll(o => o.RecurrenceId == recurrenceId);
        OccurrenceAnswers.RemoveAll(a => a.RecurrenceId == recurrenceId);
        ExceptionDates.Add(recurrenceId.ToUniversalTime());
        SeriesEndUtc = ComputeSeriesEnd();
        UpdatedAt = now;
        CancelIfNothingLeft(by, now);
    }

    /// <summary>
    /// "This and following": ends this series before <paramref name="recurrenceId"/> and returns a new series,
    /// identical from that occurrence on (rule, details, participants and their answers, later overrides and
    /// deleted dates), for the caller to edit. Returns null when the occurrence is the first: edit the whole series then.
    /// </summary>
    public CalendarEvent? SplitAt(DateTimeOffset recurrenceId, Guid newId, DateTimeOffset now)
    {
        EnsureRecurring();
        OccurrenceAt(recurrenceId);
        var before = RuleSlots(recurrenceId, null, MaxIndexedOccurrences * 10, withExceptions: false).Count;
        if (before == 0)
        {
            return null;
        }

        var rule = RecurrenceRule!;
        var count = RRuleEditing.Count(rule);
        var tail = new CalendarEvent
        {
            Id = newId,
            Title = Title,
            Description = Description,
            Location = Location,
            StartUtc = recurrenceId,
            EndUtc = EndOf(recurrenceId),
            TimeZoneId = TimeZoneId,
            AllDay = AllDay,
            CategoryId = CategoryId,
            OrganizerId = OrganizerId,
            OrganizerUnitId = OrganizerUnitId,
            Visibility = Visibility,
            ReminderMinutes = ReminderMinutes?.ToList(),
            RecurrenceRule = count is { } n ? RRuleEditing.WithCount(rule, n - before) : rule,
            ExceptionDates = ExceptionDates.Where(d => d >= recurrenceId).ToList(),
            MemberIds = MemberIds.ToList(),
            CreatedAt = now,
            UpdatedAt = now,
            SplitFromId = Id,
        };
        tail.Participants = Participants.Select(p => new EventParticipant(newId, p.UserId, p.Response, p.RespondedAt)).ToList();
        tail.Overrides = Overrides.Where(o => o.RecurrenceId >= recurrenceId)
            .Select(o => new EventOverride(newId, o.RecurrenceId, o.StartUtc, o.EndUtc) { Title = o.Title, Description = o.Description, Location = o.Location })
            .ToList();
        tail.OccurrenceAnswers = OccurrenceAnswers.Where(a => a.RecurrenceId >= recurrenceId).Select(a => a.For(newId, a.RecurrenceId)).ToList();
        tail.SeriesEndUtc = tail.ComputeSeriesEnd();

        Truncate(recurrenceId, now);
        return tail;
    }

    /// <summary>
    /// "Delete this and following": the series ends with the occurrence before <paramref name="recurrenceId"/>. When the
    /// earlier ones were all deleted already, nothing is left and the series is cancelled, as when deleting them one by one.
    /// </summary>
    public void EndBefore(DateTimeOffset recurrenceId, Guid by, DateTimeOffset now)
    {
        Truncate(recurrenceId, now);
        CancelIfNothingLeft(by, now);
    }

    /// <summary>
    /// Start and end of the first occurrence the rule yields (deleted dates count): the event's own times, except for a
    /// series saved before starts were moved onto their rule, whose stored start may lie outside it (and is no occurrence).
    /// </summary>
    public (DateTimeOffset Start, DateTimeOffset End) FirstRuleOccurrence()
    {
        if (!IsRecurring)
        {
            return (StartUtc, EndUtc);
        }

        try
        {
            var first = RecurrenceExpander.Expand(
                RecurrenceRule!, WallClock.ToLocal(StartUtc, Zone), Duration, TimeZoneId, StartUtc + ValidationSpan, MaxOccurrencesPerValidationSpan);
            return (first[0].Start, EndOf(first[0].Start));
        }
        catch (InputValidationException)
        {
            // A legacy rule that no longer passes today's checks: its stored times are the best there is.
            return (StartUtc, EndUtc);
        }
    }

    /// <summary>Whether <paramref name="recurrenceId"/> is the series' first occurrence by its rule (deleted dates count).</summary>
    public bool IsFirstOccurrence(DateTimeOffset recurrenceId) =>
        !IsRecurring || RuleSlots(recurrenceId, null, MaxIndexedOccurrences * 10, withExceptions: false).Count == 0;

    private void Truncate(DateTimeOffset recurrenceId, DateTimeOffset now)
    {
        EnsureRecurring();
        var before = RuleSlots(recurrenceId, null, MaxIndexedOccurrences * 10, withExceptions: false).Count;
        if (before == 0)
        {
            throw new BusinessRuleException("That is the first occurrence: cancel the whole series instead.");
        }

        RecurrenceRule = RRuleEditing.Count(RecurrenceRule!) is not null
            ? RRuleEditing.WithCount(RecurrenceRule!, before)
            : RRuleEditing.EndBefore(RecurrenceRule!, recurrenceId);
        Overrides.RemoveAll(o => o.RecurrenceId >= recurrenceId);
        OccurrenceAnswers.RemoveAll(a => a.RecurrenceId >= recurrenceId);
        ExceptionDates.RemoveAll(d => d >= recurrenceId);
        SeriesEndUtc = ComputeSeriesEnd();
        UpdatedAt = now;
    }

    // Overrides count however far they were moved (past the rule's last occurrence, too): each is a live occurrence.
    private void CancelIfNothingLeft(Guid by, DateTimeOffset now)
    {
        if (SeriesEndUtc is { } end && Overrides.Count == 0 && RuleSlots(end, null, MaxIndexedOccurrences * 10, withExceptions: true).Count == 0)
        {
            Cancel(by, now);
        }
    }

    private List<OccurrenceSlot> RuleSlots(DateTimeOffset to, DateTimeOffset? from, int max, bool withExceptions)
    {
        if (to <= StartUtc)
        {
            return [];
        }

        var exceptions = withExceptions ? ExceptionDates.Select(d => WallClock.ToLocal(d, Zone)).ToList() : null;
        // Slot ends are only used to skip slots ending before the window; an all-day occurrence may end an hour
        // later than start + Duration (see EndOf), so keep a margin and let callers cut with the real end.
        var reach = AllDay ? Duration + TimeSpan.FromHours(2) : Duration;
        return RecurrenceExpander.Expand(RecurrenceRule!, WallClock.ToLocal(StartUtc, Zone), reach, TimeZoneId, to, max, exceptions, from ?? StartUtc).ToList();
    }

    // Every occurrence still running at the instant comes back (a daily series of three-day shifts has three),
    // so the limit is the index's, not "one or two".
    private bool IsRuleOccurrence(DateTimeOffset instant) =>
        RuleSlots(instant.AddSeconds(1), instant, MaxIndexedOccurrences, withExceptions: false).Any(s => s.Start == instant);

    private void EnsureRecurring()
    {
        if (!IsRecurring)
        {
            throw new BusinessRuleException("This is not a recurring event.");
        }
    }

    private static TimeZoneInfo ZoneOf(string zoneId) => Shared.Users.OfficeTime.Zone(zoneId);

    private static string? Differs(string? value, string? inherited)
    {
        var trimmed = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        return trimmed == inherited ? null : trimmed;
    }

    private static NotFoundException NoSuchOccurrence() => new("That occurrence is not part of this event any more. Reload the calendar.");
}
