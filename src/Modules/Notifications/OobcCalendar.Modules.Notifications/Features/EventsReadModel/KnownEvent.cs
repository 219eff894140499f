namespace OobcCalendar.Modules.Notifications.Features.EventsReadModel;

/// <summary>
/// Notifications' copy of a Scheduling event (or series), from Scheduling's integration events only (ADR 0035):
/// enough to invite, remind and cancel without asking Scheduling back. <see cref="AsOf"/> is the time of the latest
/// snapshot applied, so a retried older event does not overwrite a newer one; a whole cancellation is permanent.
/// </summary>
internal sealed class KnownEvent
{
    public Guid EventId { get; set; }

    public string Title { get; set; } = "";

    public string? Location { get; set; }

    public Guid OrganizerId { get; set; }

    public List<Guid> ParticipantIds { get; set; } = [];

    public DateTimeOffset StartUtc { get; set; }

    public DateTimeOffset EndUtc { get; set; }

    public string TimeZoneId { get; set; } = "";

    public bool AllDay { get; set; }

    public string? RecurrenceRule { get; set; }

    public List<DateTimeOffset> ExceptionDatesUtc { get; set; } = [];

    /// <summary>The event's own reminder offsets; null means each person's default offsets (preferences).</summary>
    public List<int>? ReminderMinutes { get; set; }

    public bool Cancelled { get; set; }

    /// <summary>Occurrences from this instant on were cancelled ("this and following").</summary>
    public DateTimeOffset? CancelledFromUtc { get; set; }

    public DateTimeOffset AsOf { get; set; }

    /// <summary>Due reminders are written up to this instant; the sweep moves it on (bounded horizon).</summary>
    public DateTimeOffset RemindersUntil { get; set; }

    public bool IsRecurring => RecurrenceRule is not null;

    /// <summary>Who is expected: the participants and the organizer.</summary>
    public IReadOnlyList<Guid> Expected => [.. ParticipantIds.Append(OrganizerId).Distinct()];
}

/// <summary>One occurrence of a series moved or cancelled on its own (<see cref="RecurrenceIdUtc"/>: its original start).</summary>
internal sealed class KnownOccurrenceChange
{
    public Guid EventId { get; set; }

    public DateTimeOffset RecurrenceIdUtc { get; set; }

    public DateTimeOffset? StartUtc { get; set; }

    public DateTimeOffset? EndUtc { get; set; }

    public bool Cancelled { get; set; }

    public DateTimeOffset AsOf { get; set; }
}

/// <summary>
/// A participant's latest answer, for the whole series (<see cref="Scope"/> = <see cref="SeriesScope"/>) or one
/// occurrence (<see cref="Scope"/> = its original start, ISO UTC). An occurrence's answer beats the series' answer.
/// </summary>
internal sealed class KnownAnswer
{
    public const string SeriesScope = "series";

    public Guid EventId { get; set; }

    public Guid ParticipantId { get; set; }

    public string Scope { get; set; } = SeriesScope;

    public string Response { get; set; } = "";

    public DateTimeOffset AsOf { get; set; }

    public static string ScopeOf(DateTimeOffset? recurrenceIdUtc) =>
        recurrenceIdUtc is { } id ? id.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture) : SeriesScope;
}
