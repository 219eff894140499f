using Ical.Net.DataTypes;
using Ical.Net.Evaluation;

namespace OobcCalendar.Modules.Sharing.Features.Feeds;

/// <summary>One entry of the public page, as a visitor sees it.</summary>
internal sealed record ShareOccurrence(DateTimeOffset StartUtc, DateTimeOffset EndUtc, bool AllDay, string Title, string? Location, string? Description = null);

/// <summary>
/// Expands a link's own feed for the public page, so the page can never show more than the feed does (one place
/// applies the detail level). Bounded: at most <see cref="MaxOccurrences"/> entries and a budget of rule increments.
/// </summary>
internal static class ShareOccurrences
{
    public const int MaxOccurrences = 2000;

    public static IReadOnlyList<ShareOccurrence> Expand(string ics, DateTimeOffset from, DateTimeOffset to)
    {
        var calendar = Ical.Net.Calendar.Load(ics) ?? throw new InvalidOperationException("The feed did not parse.");
        var options = new EvaluationOptions { MaxUnmatchedIncrementsLimit = 5000 };
        var found = new List<ShareOccurrence>();
        foreach (var occurrence in calendar.GetOccurrences(new CalDateTime(from.UtcDateTime.AddDays(-2), CalDateTime.UtcTzId), options))
        {
            var start = new DateTimeOffset(occurrence.Period.StartTime.AsUtc, TimeSpan.Zero);
            if (start >= to || found.Count >= MaxOccurrences)
            {
                break;
            }

            if (occurrence.Source is not Ical.Net.CalendarComponents.CalendarEvent source || source.Status == "CANCELLED")
            {
                continue;
            }

            var end = occurrence.Period.EffectiveEndTime is { } e ? new DateTimeOffset(e.AsUtc, TimeSpan.Zero) : start.AddHours(1);
            if (end > from)
            {
                found.Add(new ShareOccurrence(start, end, !occurrence.Period.StartTime.HasTime, source.Summary ?? "Busy", source.Location, source.Description));
            }
        }

        return found;
    }
}
