namespace OobcCalendar.Modules.Notifications.Features.EventsReadModel;

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
