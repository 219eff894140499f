using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Components;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Modules.Resources.Domain.Resources;
using OobcCalendar.Modules.Resources.Features.Bookings;
using OobcCalendar.Modules.Resources.UI.Components;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Users;
using OobcCalendar.Shared.Time;

namespace OobcCalendar.Modules.Resources.UI.Pages;

/// <summary>Day or week view of every resource's holds and blackouts; free slots link to the booking form.</summary>
public partial class TimelinePage
{
    private const int DayStartHour = 7;
    private const int DayEndHour = 19;
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;
    private Timeline? timeline;
    private TimelineView view = TimelineView.Day;
    private ResourceKind? kind;
    private DateOnly? anchor;
    private string? dateNote;
    private IReadOnlyList<Column> columns = [];
    private DateTimeOffset rangeStart;
    private DateTimeOffset rangeEnd;

    private enum TimelineView
    {
        Day,
        Week,
    }

    /// <summary>Day to show (yyyy-MM-dd, the user's zone); default today.</summary>
    [SupplyParameterFromQuery(Name = "date")] public string? DateParameter { get; set; }

    /// <summary>"day" or "week".</summary>
    [SupplyParameterFromQuery(Name = "view")] public string? ViewParameter { get; set; }

    [SupplyParameterFromQuery(Name = "kind")] public string? KindParameter { get; set; }

    [Inject] private IMediator Mediator { get; set; } = default!;

    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    protected override IReadOnlyCollection<string> LiveTopics => [ResourcesTopics.Bookings, ResourcesTopics.Resources];

    private TimeZoneInfo Zone => OfficeTime.Zone(CurrentUser.TimeZoneId);

    private DateOnly Today => WallClock.Today(Clock, Zone);

    private DateOnly Anchor => anchor ?? Today;

    private IReadOnlyList<Column> Columns => columns;

    private string ViewName => view == TimelineView.Day ? "day" : "week";

    private string Title => view == TimelineView.Day || columns.Count == 0
        ? Anchor.ToString("dddd d MMMM yyyy", Culture)
        : $"{columns[0].Day.ToString("d MMM", Culture)} – {columns[^1].Day.ToString("d MMM yyyy", Culture)}";

    private string? NowOffset
    {
        get
        {
            var now = Clock.GetUtcNow();
            return view == TimelineView.Day && now >= rangeStart && now < rangeEnd ? $"left: {Percent(now - rangeStart)}%" : null;
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        anchor = DateOnly.TryParseExact(DateParameter, "yyyy-MM-dd", Culture, DateTimeStyles.None, out var d) ? d : null;
        // A date far outside what the product keeps (a typed URL, ?date=9999-12-31) shows today with a note, not an error.
        dateNote = anchor is { } asked && !DateLimits.Contains(asked)
            ? $"There is nothing to show on {DateParameter}: pick a date from {DateLimits.Described}. Showing today instead."
            : null;
        anchor = dateNote is null ? anchor : null;
        view = string.Equals(ViewParameter, "week", StringComparison.OrdinalIgnoreCase) ? TimelineView.Week : TimelineView.Day;
        kind = Enum.TryParse<ResourceKind>(KindParameter, ignoreCase: true, out var k) && Enum.IsDefined(k) ? k : null;
        await RefreshAsync();
    }

    protected override Task OnLiveUpdateAsync(LiveUpdate update) => RefreshAsync();

    /// <inheritdoc />
    protected override async Task ReloadAsync()
    {
        var first = view == TimelineView.Day ? Anchor : Anchor.AddDays(-(((int)Anchor.DayOfWeek + 6) % 7));
        var days = view == TimelineView.Day ? 1 : 7;
        var from = WallClock.ToUtc(first, TimeSpan.Zero, Zone);
        var to = WallClock.ToUtc(first.AddDays(days), TimeSpan.Zero, Zone);
        timeline = await Mediator.Send(new GetTimeline(from, to, kind));
        columns = view == TimelineView.Day ? HourColumns(first, timeline.Blocks) : DayColumns(first);
        (rangeStart, rangeEnd) = (columns[0].Start, columns[^1].End);
    }

    /// <summary>7 AM to 7 PM, widened to whatever is booked earlier or later that day.</summary>
    private List<Column> HourColumns(DateOnly day, IReadOnlyList<TimelineBlock> blocks)
    {
        var (startHour, endHour) = (DayStartHour, DayEndHour);
        var dayStart = WallClock.ToUtc(day, TimeSpan.Zero, Zone);
        var dayEnd = WallClock.ToUtc(day.AddDays(1), TimeSpan.Zero, Zone);
        foreach (var block in blocks.Where(b => b.State != "blackout"))
        {
            var s = block.Start < dayStart ? TimeSpan.Zero : WallClock.ToLocal(block.Start, Zone).TimeOfDay;
            var e = block.End > dayEnd ? TimeSpan.FromHours(24) : WallClock.ToLocal(block.End, Zone).TimeOfDay;
            startHour = Math.Min(startHour, (int)Math.Floor(s.TotalHours));
            endHour = Math.Max(endHour, (int)Math.Ceiling(e.TotalHours));
        }

        return Enumerable.Range(startHour, endHour - startHour).Select(h => new Column(
            TimeText.HourLabel(h), day, WallClock.ToUtc(day, TimeSpan.FromHours(h), Zone), WallClock.ToUtc(day, TimeSpan.FromHours(h + 1), Zone), false)).ToList();
    }

    private List<Column> DayColumns(DateOnly monday) => Enumerable.Range(0, 7).Select(i => monday.AddDays(i)).Select(d => new Column(
        d.ToString("ddd d", Culture), d, WallClock.ToUtc(d, TimeSpan.Zero, Zone), WallClock.ToUtc(d.AddDays(1), TimeSpan.Zero, Zone), d == Today)).ToList();

    private IEnumerable<TimelineBlock> BlocksOf(Guid resourceId) =>
        timeline!.Blocks.Where(b => b.ResourceId == resourceId && b.Start < rangeEnd && rangeStart < b.End).OrderBy(b => b.Start);

    private IReadOnlyList<TimelineBlock> BlocksOn(Guid resourceId, Column day) =>
        timeline!.Blocks.Where(b => b.ResourceId == resourceId && b.Start < day.End && day.Start < b.End).OrderBy(b => b.Start).ToList();

    private bool IsFreeCell(Guid resourceId, Column cell) =>
        cell.Start >= Clock.GetUtcNow() && !timeline!.Blocks.Any(b => b.ResourceId == resourceId && b.Start < cell.End && cell.Start < b.End);

    /// <summary>The first free whole hour from 08:00 to 17:00 that day (not in the past), for the week view's "book" link.</summary>
    private DateTimeOffset? FirstFreeHour(Guid resourceId, Column day)
    {
        var now = Clock.GetUtcNow();
        var blocks = BlocksOn(resourceId, day);
        return Enumerable.Range(8, 9)
            .Select(h => WallClock.ToUtc(day.Day, TimeSpan.FromHours(h), Zone))
            .Where(s => s >= now && !blocks.Any(b => b.Start < s.AddHours(1) && s < b.End))
            .Select(s => (DateTimeOffset?)s)
            .FirstOrDefault();
    }

    private static string BookHref(Guid resourceId, DateTimeOffset start) =>
        $"/resources/book/{resourceId}?start={Iso(start)}&end={Iso(start.AddHours(1))}";

    private static string Iso(DateTimeOffset instant) => Uri.EscapeDataString(instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Culture));

    private string DayBlockStyle(TimelineBlock block)
    {
        var start = block.Start < rangeStart ? rangeStart : block.Start;
        var end = block.End > rangeEnd ? rangeEnd : block.End;
        return FormattableString.Invariant($"left: {Percent(start - rangeStart)}%; width: {Percent(end - start)}%");
    }

    private double Percent(TimeSpan offset) => Math.Round(offset / (rangeEnd - rangeStart) * 100, 3);

    private string BlockClass(TimelineBlock block) =>
        $"tl-block tl-{block.State}{(block.RequesterId == CurrentUser.Id ? " tl-mine" : string.Empty)}";

    private string BlockTitle(TimelineBlock block)
    {
        var state = block.State switch { "pending" => "Pending approval", "booked" => "Booked", _ => "Unavailable" };
        var mine = block.RequesterId == CurrentUser.Id ? " (yours)" : string.Empty;
        return $"{state}{mine}: {TimeText.Range(block.Start, block.End, Zone)} · {block.Label}";
    }

    private Task OnViewAsync(TimelineView value) => GoAsync(Anchor, value, kind);

    private Task OnKindAsync(ResourceKind? value) => GoAsync(Anchor, view, value);

    private Task MoveAsync(int direction) => GoAsync(Anchor.AddDays(direction * (view == TimelineView.Day ? 1 : 7)), view, kind);

    private Task TodayAsync() => GoAsync(Today, view, kind);

    /// <summary>Puts the choice in the address (shareable, back button works); the parameters then reload the grid.</summary>
    private Task GoAsync(DateOnly day, TimelineView nextView, ResourceKind? nextKind)
    {
        var uri = Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["date"] = day == Today ? null : day.ToString("yyyy-MM-dd", Culture),
            ["view"] = nextView == TimelineView.Week ? "week" : null,
            ["kind"] = nextKind?.ToString().ToLowerInvariant(),
        });
        Navigation.NavigateTo(uri, replace: true);
        return Task.CompletedTask;
    }

    /// <summary>An hour (day view) or a day (week view).</summary>
    private sealed record Column(string Title, DateOnly Day, DateTimeOffset Start, DateTimeOffset End, bool IsToday);
}
