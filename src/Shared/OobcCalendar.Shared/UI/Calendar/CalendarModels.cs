using System.Text.Json;

namespace OobcCalendar.Shared.UI.Calendar;

/// <summary>The calendar layouts the page offers, with FullCalendar's view names.</summary>
public enum CalendarViewKind
{
    /// <summary>A month grid.</summary>
    Month,

    /// <summary>A week with hours.</summary>
    Week,

    /// <summary>One day with hours.</summary>
    Day,

    /// <summary>A list of the week's entries (the phone default).</summary>
    Agenda,
}

/// <summary>Maps <see cref="CalendarViewKind"/> to and from FullCalendar's view names.</summary>
public static class CalendarViews
{
    /// <summary>FullCalendar's name of the view.</summary>
    public static string ToFullCalendar(this CalendarViewKind view) => view switch
    {
        CalendarViewKind.Week => "timeGridWeek",
        CalendarViewKind.Day => "timeGridDay",
        CalendarViewKind.Agenda => "listWeek",
        _ => "dayGridMonth",
    };

    /// <summary>The view a FullCalendar view name stands for (month for unknown names).</summary>
    public static CalendarViewKind FromFullCalendar(string? name) => name switch
    {
        "timeGridWeek" => CalendarViewKind.Week,
        "timeGridDay" => CalendarViewKind.Day,
        "listWeek" or "listDay" or "listMonth" => CalendarViewKind.Agenda,
        _ => CalendarViewKind.Month,
    };
}

/// <summary>An empty stretch the user selected; wall-clock times in the user's zone, end exclusive.</summary>
public sealed record CalendarSlot(DateTime Start, DateTime End, bool AllDay);

/// <summary>
/// One entry as the calendar shows it. <see cref="ExtendedProps"/> is what its feed sent (e.g. <c>kind</c>, ids);
/// times are wall-clock in the user's zone.
/// </summary>
public sealed record CalendarEntry(string Id, string FeedKey, string Title, DateTime Start, DateTime? End, bool AllDay, JsonElement ExtendedProps)
{
    /// <summary>The feed's <c>extendedProps.kind</c> ("event", "booking"...), or empty.</summary>
    public string Kind => Prop("kind") ?? string.Empty;

    /// <summary>A string (or other scalar, as text) from <see cref="ExtendedProps"/>, or null.</summary>
    public string? Prop(string name) =>
        ExtendedProps.ValueKind == JsonValueKind.Object && ExtendedProps.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                _ => value.GetRawText(),
            }
            : null;

    /// <summary>A boolean from <see cref="ExtendedProps"/> (false when absent).</summary>
    public bool Flag(string name) =>
        ExtendedProps.ValueKind == JsonValueKind.Object && ExtendedProps.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}

/// <summary>An entry dragged (<c>drop</c>) or resized (<c>resize</c>) to new times; <see cref="Entry"/> holds the new ones.</summary>
public sealed record CalendarEntryChange(string Kind, CalendarEntry Entry, DateTime OldStart, DateTime? OldEnd, bool OldAllDay);

/// <summary>What the calendar shows after navigation: visible range, the period's first day, view and title.</summary>
public sealed record CalendarRange(DateTime Start, DateTime End, DateTime CurrentStart, string View, string Title)
{
    /// <summary>The view as a <see cref="CalendarViewKind"/>.</summary>
    public CalendarViewKind ViewKind => CalendarViews.FromFullCalendar(View);
}

/// <summary>A feed without an address asks its page for the entries of a range: wall clock in the calendar's zone, end exclusive.</summary>
public sealed record CalendarFetch(string FeedKey, DateTime Start, DateTime End);
