using OobcCalendar.Modules.Notifications.Domain.Messages;
using OobcCalendar.Shared.Time;

namespace OobcCalendar.Modules.Notifications.UI.Components;

/// <summary>How the notification screens word times and statuses.</summary>
internal static class NotificationText
{
    /// <summary>"just now", "5 min ago", "3 h ago", then the date and time in the person's zone.</summary>
    public static string Ago(DateTimeOffset instant, DateTimeOffset now, TimeZoneInfo zone)
    {
        var age = now - instant;
        return age.TotalMinutes switch
        {
            < 1 => "just now",
            < 60 => $"{(int)age.TotalMinutes} min ago",
            < 24 * 60 => $"{(int)age.TotalHours} h ago",
            _ => When(instant, zone),
        };
    }

    /// <summary>"Wed 2 Dec 2026, 9:00 AM" in <paramref name="zone"/>.</summary>
    public static string When(DateTimeOffset instant, TimeZoneInfo zone) => $"{TimeText.Date(instant, zone)}, {TimeText.Time(instant, zone)}";

    /// <summary>Status as Admin reads it.</summary>
    public static string Status(MessageStatus status) => status switch
    {
        MessageStatus.DeadLetter => "Dead letter",
        _ => status.ToString(),
    };

    /// <summary>Unread counts over 99 read "99+", as on a phone.</summary>
    public static string Count(int count) => count > 99 ? "99+" : count.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Minutes as people say them: "15 min", "2 h", "1 day", "1 day 2 h 5 min".</summary>
    public static string Offset(int minutes)
    {
        var span = TimeSpan.FromMinutes(minutes);
        var parts = new List<string>();
        if (span.Days > 0)
        {
            parts.Add(span.Days == 1 ? "1 day" : $"{span.Days} days");
        }

        if (span.Hours > 0)
        {
            parts.Add($"{span.Hours} h");
        }

        if (span.Minutes > 0)
        {
            parts.Add($"{span.Minutes} min");
        }

        return string.Join(" ", parts);
    }
}
