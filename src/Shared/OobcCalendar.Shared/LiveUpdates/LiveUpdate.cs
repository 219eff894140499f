using System.Text.Json;
using System.Text.Json.Serialization;

namespace OobcCalendar.Shared.LiveUpdates;

/// <summary>
/// A small notice that something changed, pushed to every open screen that shows it. Screens re-query
/// what they display; the notice carries no data beyond keys (NOTIFY payloads must stay small and
/// must not leak what a subscriber may not see).
/// </summary>
/// <param name="Topic">What changed, e.g. "scheduling.events", "resources.bookings".</param>
/// <param name="Key">Optional id of the changed thing.</param>
/// <param name="Kind">Optional verb, e.g. "created", "approved".</param>
/// <param name="Audience">
/// Optional user ids the change concerns (e.g. the one whose bell rings); empty means anyone subscribed to the topic.
/// With an audience, only those users' screens hear the notice, on every host. Keep it short: NOTIFY payloads are
/// limited to 8000 bytes (about 190 ids); for a wider group, send no audience and let screens re-query.
/// </param>
public sealed record LiveUpdate(
    [property: JsonPropertyName("t")] string Topic,
    [property: JsonPropertyName("k")] string? Key = null,
    [property: JsonPropertyName("n")] string? Kind = null,
    [property: JsonPropertyName("a")] IReadOnlyList<Guid>? Audience = null)
{
    /// <summary>Topic sent to every subscriber after the notification connection was lost and re-established.</summary>
    public const string ResyncTopic = "*resync";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Whether a subscriber acting for <paramref name="userId"/> (null: for nobody) should hear this notice.</summary>
    public bool IsFor(Guid? userId) =>
        Topic == ResyncTopic || Audience is not { Count: > 0 } || (userId is { } id && Audience.Contains(id));
}

/// <summary>PostgreSQL NOTIFY channel names.</summary>
public static class LiveUpdateChannels
{
    /// <summary>Live-update notices for screens.</summary>
    public const string Live = "oobc_live";

    /// <summary>"New outbox rows in schema X": wakes dispatchers.</summary>
    public const string Outbox = "oobc_outbox";
}
