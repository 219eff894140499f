namespace OobcCalendar.Modules.Scheduling.Domain.Events;

/// <summary>
/// What the editor submits for a new event or an edit. <see cref="Start"/> and <see cref="End"/> are instants (any
/// offset); for all-day events they are midnights in <see cref="TimeZoneId"/> and the end is exclusive.
/// <see cref="RecurrenceRule"/> is an RRULE value without the "RRULE:" prefix, or null for a single event.
/// <see cref="ReminderMinutes"/> null means "use each participant's own preference".
/// </summary>
internal sealed record EventDraft(
    string Title,
    string? Description,
    string? Location,
    DateTimeOffset Start,
    DateTimeOffset End,
    string TimeZoneId,
    bool AllDay,
    Guid? CategoryId,
    EventVisibility Visibility,
    IReadOnlyList<Guid> ParticipantIds,
    IReadOnlyList<int>? ReminderMinutes,
    string? RecurrenceRule)
{
    /// <summary>
    /// The fields that belong to a whole series ("participants", "category", "visibility") in which this draft differs
    /// from a series with the given values: one occurrence cannot change them.
    /// </summary>
    public IReadOnlyList<string> SeriesLevelDifferences(Guid organizerId, IEnumerable<Guid> participantIds, Guid? categoryId, EventVisibility visibility)
    {
        var differences = new List<string>();
        if (!ParticipantIds.Where(p => p != organizerId).ToHashSet().SetEquals(participantIds))
        {
            differences.Add("participants");
        }

        if (CategoryId != categoryId)
        {
            differences.Add("category");
        }

        if (Visibility != visibility)
        {
            differences.Add("visibility");
        }

        return differences;
    }
}
