using System.Globalization;
using OobcCalendar.Modules.Leave.Domain.Requests;
using OobcCalendar.Modules.Leave.Features.Requests;

namespace OobcCalendar.Modules.Leave.UI.Components;

/// <summary>How the Who's out page writes an absence: its days with any half day, and its label's colour.</summary>
internal static class WhosOutText
{
    // What colleagues see of a private type gets a neutral grey, so its colour does not tell the type either.
    private const string PrivateColour = "#546e7a";

    public static string When(PersonOut person)
    {
        var c = CultureInfo.InvariantCulture;
        var days = person.FirstDay == person.LastDay
            ? person.FirstDay.ToString("ddd d MMM", c)
            : $"{person.FirstDay.ToString("ddd d MMM", c)} – {person.LastDay.ToString("ddd d MMM", c)}";
        var note = person.FirstDay == person.LastDay
            ? Half(person.FirstDayPart, "{0} only")
            : string.Join(", ", new[] { Half(person.FirstDayPart, "first day {0}"), Half(person.LastDayPart, "last day {0}") }.Where(h => h is not null));
        return string.IsNullOrEmpty(note) ? days : $"{days} ({note})";
    }

    public static string Swatch(PersonOut person) => $"background:{(person.LeaveTypeName is null ? PrivateColour : person.Colour)}";

    private static string? Half(string part, string format) =>
        part is nameof(DayPart.Morning) or nameof(DayPart.Afternoon) ? string.Format(CultureInfo.InvariantCulture, format, part.ToLowerInvariant()) : null;
}
