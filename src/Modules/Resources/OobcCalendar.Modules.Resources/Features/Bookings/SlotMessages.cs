using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Resources.Features.Bookings;

/// <summary>Sentences about slots, in the reader's time zone.</summary>
internal static class SlotMessages
{
    public static string Taken(string resourceName, AvailabilityAnswer answer, string timeZoneId)
    {
        var zone = OfficeTime.Zone(timeZoneId);
        var conflict = answer.Conflicts.FirstOrDefault();
        var what = conflict is null
            ? $"{resourceName} was just taken for that time."
            : $"{resourceName} is already {(conflict.Kind == "blackout" ? "blocked" : conflict.Kind)} {Range(conflict.Start, conflict.End, zone)} ({conflict.Description}).";
        var next = answer.OtherTimes.Count == 0
            ? string.Empty
            : " Next free: " + string.Join(", ", answer.OtherTimes.Select(s => Range(s.Start, s.End, zone))) + ".";
        return what + next;
    }

    /// <summary>The one product wording of a range (<see cref="TimeText.Range(DateTimeOffset, DateTimeOffset, TimeZoneInfo)"/>).</summary>
    public static string Range(DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone) => TimeText.Range(start, end, zone);
}
