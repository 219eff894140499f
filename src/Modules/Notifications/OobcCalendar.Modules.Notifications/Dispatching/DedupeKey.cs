using System.Globalization;

namespace OobcCalendar.Modules.Notifications.Dispatching;

/// <summary>
/// What makes a message the same message: the thing it is about (<see cref="Subject"/>, e.g. a booking id or a
/// request id plus its state), for reminders the occurrence and the offset. With the recipient and the type it is
/// unique in the database, so writing it twice writes it once (ADR 0034).
/// </summary>
/// <param name="Subject">The id of what the message is about, plus any qualifier that makes a new message (e.g. "approved").</param>
/// <param name="Occurrence">Start of the occurrence, for messages about one occurrence of a series.</param>
/// <param name="OffsetMinutes">The reminder offset, for reminders.</param>
internal readonly record struct DedupeKey(string Subject, DateTimeOffset? Occurrence = null, int? OffsetMinutes = null)
{
    public static DedupeKey For(Guid subjectId, string? qualifier = null) =>
        new(qualifier is null ? subjectId.ToString("N") : $"{subjectId:N}:{qualifier}");

    /// <summary>The stored form: <c>type|subject|occurrence|offset</c> ("-" for none).</summary>
    public string Format(string type) => string.Join(
        '|',
        type,
        Subject,
        Occurrence?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? "-",
        OffsetMinutes?.ToString(CultureInfo.InvariantCulture) ?? "-");
}
