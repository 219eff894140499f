using System.Text;

namespace OobcCalendar.Modules.Scheduling.Tests.Features.Ics;

/// <summary>Small .ics files for tests, written as a calendar client would (CRLF lines).</summary>
internal static class IcsText
{
    /// <summary>A VCALENDAR around the given components (each a block of lines joined by \n).</summary>
    public static byte[] Calendar(params string[] components) =>
        Encoding.UTF8.GetBytes(string.Join("\r\n", ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//Test//EN", .. components.SelectMany(c => c.Split('\n')), "END:VCALENDAR", ""]));

    /// <summary>A VEVENT; <paramref name="end"/> null leaves DTEND out.</summary>
    public static string Event(string uid, string summary, string start, string? end, params string[] extra) =>
        string.Join('\n', ["BEGIN:VEVENT", $"UID:{uid}", $"SUMMARY:{summary}", start, .. end is null ? Array.Empty<string>() : [end], .. extra, "END:VEVENT"]);

    /// <summary>A unique UID, so tests sharing a database never see each other's imports as duplicates.</summary>
    public static string Uid(string name) => $"{name}-{Guid.NewGuid():N}@test.example";
}
