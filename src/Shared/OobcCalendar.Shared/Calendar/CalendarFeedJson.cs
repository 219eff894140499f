using System.Globalization;
using System.Text.Json;

namespace OobcCalendar.Shared.Calendar;

/// <summary>
/// <see cref="CalendarFeedEntry"/> as the FullCalendar event object wwwroot/calendar/full-calendar.js reads: id, title,
/// start, end, allDay, editable, classNames and extendedProps always; color, textColor, borderColor and url when set.
/// extendedProps holds <c>kind</c>, one boolean per <see cref="CalendarEntryStyle"/> flag, then the entry's details.
/// </summary>
public static class CalendarFeedJson
{
    private static readonly (CalendarEntryStyle Flag, string Class, string Prop)[] Styles =
    [
        (CalendarEntryStyle.Recurring, "oobc-recurring", "recurring"),
        (CalendarEntryStyle.Overridden, "oobc-override", "overridden"),
        (CalendarEntryStyle.Cancelled, "oobc-cancelled", "cancelled"),
        (CalendarEntryStyle.BusyOnly, "oobc-busy", "busyOnly"),
        (CalendarEntryStyle.Declined, "oobc-declined", "declined"),
        (CalendarEntryStyle.Tentative, "oobc-tentative", "tentative"),
        (CalendarEntryStyle.Pending, "oobc-pending", "pending"),
    ];

    /// <summary>The entries as a UTF-8 JSON array.</summary>
    public static byte[] Write(IEnumerable<CalendarFeedEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var entry in entries)
            {
                Write(json, entry);
            }

            json.WriteEndArray();
        }

        return buffer.ToArray();
    }

    private static void Write(Utf8JsonWriter json, CalendarFeedEntry entry)
    {
        json.WriteStartObject();
        json.WriteString("id", entry.Id);
        json.WriteString("title", entry.Title);
        json.WriteString("start", Time(entry.Start, entry.AllDay));
        json.WriteString("end", Time(entry.End, entry.AllDay));
        json.WriteBoolean("allDay", entry.AllDay);
        json.WriteBoolean("editable", entry.Editable);
        WriteIfSet(json, "color", entry.Colour);
        WriteIfSet(json, "textColor", entry.TextColour);
        WriteIfSet(json, "borderColor", entry.AccentColour);
        WriteIfSet(json, "url", entry.Url);
        json.WriteStartArray("classNames");
        foreach (var style in Styles.Where(s => entry.Style.HasFlag(s.Flag)))
        {
            json.WriteStringValue(style.Class);
        }

        json.WriteEndArray();
        json.WriteStartObject("extendedProps");
        json.WriteString("kind", entry.Kind);
        foreach (var style in Styles)
        {
            json.WriteBoolean(style.Prop, entry.Style.HasFlag(style.Flag));
        }

        foreach (var (key, value) in entry.Details)
        {
            // A detail named like a fixed property would be written twice and read back as either.
            if (key == "kind" || key == "borderColor" || Styles.Any(s => s.Prop == key))
            {
                throw new InvalidOperationException($"Calendar entry detail \"{key}\" is reserved; name it differently.");
            }

            json.WriteString(key, value);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static string Time(DateTime value, bool allDay) =>
        value.ToString(allDay ? "yyyy-MM-dd" : "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    private static void WriteIfSet(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
