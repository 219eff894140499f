using OobcCalendar.Modules.Scheduling.Features.Calendar;
using OobcCalendar.Shared.Time;

namespace OobcCalendar.Modules.Scheduling.UI.Home;

/// <summary>What "My day" on Home shows: today's occurrences and the next few after today, from the calendar feed.</summary>
internal sealed record MyDay(DateOnly Date, IReadOnlyList<FeedItem> Today, IReadOnlyList<FeedItem> Next)
{
    /// <summary>How many later events Home lists.</summary>
    public const int NextCount = 5;

    /// <summary>How far ahead "next" looks: far enough for a quiet fortnight, short enough to stay one cheap read.</summary>
    public static readonly TimeSpan LookAhead = TimeSpan.FromDays(30);

    /// <summary>Cancelled occurrences are left out; the feed already drops the ones I declined.</summary>
    public static MyDay From(IEnumerable<FeedItem> items, DateOnly today, TimeZoneInfo zone)
    {
        var dayEnd = WallClock.AtMidnight(today.AddDays(1), zone);
        var live = items.Where(i => !i.Cancelled).OrderBy(i => i.StartUtc).ToList();
        return new MyDay(
            today,
            live.Where(i => i.StartUtc < dayEnd).ToList(),
            live.Where(i => i.StartUtc >= dayEnd).Take(NextCount).ToList());
    }

    /// <summary>Whether the user was invited and has not answered yet.</summary>
    public static bool AwaitsMyAnswer(FeedItem item) => item.MyResponse == Domain.Events.ParticipantResponse.NeedsAction && !item.BusyOnly;
}
