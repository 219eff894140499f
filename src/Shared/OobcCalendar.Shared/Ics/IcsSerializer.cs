using System.Text;
using Ical.Net.Serialization;

namespace OobcCalendar.Shared.Ics;

/// <summary>Serialises a built calendar as the UTF-8 text of an .ics file (the one place a module turns a calendar into bytes).</summary>
public static class IcsSerializer
{
    /// <summary>The calendar as RFC 5545 text.</summary>
    public static string ToText(Ical.Net.Calendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    /// <summary>The calendar as the UTF-8 bytes of an .ics file.</summary>
    public static byte[] ToBytes(Ical.Net.Calendar calendar) => Encoding.UTF8.GetBytes(ToText(calendar));
}
