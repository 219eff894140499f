using OobcCalendar.Shared.Time;

namespace OobcCalendar.Modules.Notifications.Messages.Rendering;

/// <summary>What a message is rendered for: the person, their zone, and the app's public address for links.</summary>
/// <param name="RecipientName">Whom it greets.</param>
/// <param name="Zone">The recipient's zone: every time is shown in it.</param>
/// <param name="BaseUrl">The app's public address (Notifications:BaseUrl), without a trailing slash.</param>
internal sealed record MessageContext(string RecipientName, TimeZoneInfo Zone, string BaseUrl)
{
    /// <summary>An absolute address for an app-relative <paramref name="path"/>.</summary>
    public string Url(string path) => BaseUrl.TrimEnd('/') + "/" + path.TrimStart('/');

    /// <summary>"Wed 2 Dec 2026, 9:00 AM – 11:30 AM" in the recipient's zone.</summary>
    public string Range(DateTimeOffset start, DateTimeOffset end) => TimeText.Range(start, end, Zone);

    /// <summary>"Wed 2 Dec 2026, 9:00 AM" in the recipient's zone.</summary>
    public string When(DateTimeOffset instant) => $"{TimeText.Date(instant, Zone)}, {TimeText.Time(instant, Zone)}";

    /// <summary>"Wed 2 Dec 2026" or "Wed 2 Dec 2026 – Fri 4 Dec 2026".</summary>
    public static string Days(DateOnly first, DateOnly last) =>
        first == last ? TimeText.Date(first) : $"{TimeText.Date(first)} – {TimeText.Date(last)}";
}
