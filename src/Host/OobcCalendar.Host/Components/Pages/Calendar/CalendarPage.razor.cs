using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.UI;
using OobcCalendar.Shared.Time;
using OobcCalendar.Shared.UI.Calendar;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Host.Components.Pages.Calendar;

/// <summary>
/// The combined calendar staff live in: every module's feed in one FullCalendar, with filters, a legend and a mini
/// month. A change committed anywhere reloads the feeds it touches, keeping view, date and any open dialog.
/// </summary>
public sealed partial class CalendarPage : LiveComponentBase
{
    private IReadOnlyList<CalendarFeed> feeds = [];
    private IReadOnlyList<CategoryOption> categories = [];
    private CalendarPreferences preferences = new();
    private IReadOnlyDictionary<string, string> feedParams = new Dictionary<string, string>();
    private FullCalendarView? calendar;
    private CalendarRange? range;
    private bool loaded;
    private DateOnly? jumpedTo;

    [Inject] private ModuleCatalog Modules { get; set; } = default!;

    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;

    [Inject] private IJSRuntime JS { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    /// <summary>Optional start date from the address, e.g. <c>/calendar?date=2026-12-01</c>.</summary>
    [SupplyParameterFromQuery(Name = "date")] public string? DateText { get; set; }

    /// <summary>Optional layout from the address: month, week, day or agenda.</summary>
    [SupplyParameterFromQuery(Name = "view")] public string? ViewText { get; set; }

    protected override IReadOnlyCollection<string> LiveTopics => feeds.SelectMany(f => f.LiveTopics).Distinct().ToList();

    private DateOnly? QueryDate =>
        DateOnly.TryParseExact(DateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private CalendarViewKind? QueryView => Enum.TryParse<CalendarViewKind>(ViewText, ignoreCase: true, out var v) ? v : null;

    private DateOnly Today => WallClock.Today(Clock, CurrentUser.TimeZoneId);

    // The period shown, as the mini month draws it: the month itself in month view (not the grid's spill-over days).
    private DateOnly? SelectedStart => range is null ? null : DateOnly.FromDateTime(range.ViewKind == CalendarViewKind.Month ? range.CurrentStart : range.Start);

    private DateOnly? SelectedEnd => range is null
        ? null
        : DateOnly.FromDateTime(range.ViewKind == CalendarViewKind.Month ? range.CurrentStart.AddMonths(1) : range.End);

    // The date the user jumped to while it is in view, else the middle of the period (the 1st in month view, a week's
    // Thursday: the month most of the week is in, as ISO weeks count), never simply its first day.
    private DateOnly? MiniFocus => (jumpedTo, SelectedStart, SelectedEnd) switch
    {
        ({ } d, { } s, { } e) when d >= s && d < e => d,
        (_, { } s, _) when range!.ViewKind == CalendarViewKind.Month => s,
        (_, { } s, { } e) => s.AddDays((e.DayNumber - s.DayNumber - 1) / 2),
        _ => QueryDate,
    };

    private string ZoneText
    {
        get
        {
            var zone = OfficeTime.Zone(CurrentUser.TimeZoneId);
            var offset = zone.GetUtcOffset(Clock.GetUtcNow());
            var sign = offset < TimeSpan.Zero ? "−" : "+";
            return string.Create(CultureInfo.InvariantCulture, $"Times in {CurrentUser.TimeZoneId} (UTC{sign}{offset.Duration():hh\\:mm})");
        }
    }

    protected override void OnInitialized()
    {
        feeds = Modules.Modules.SelectMany(m => m.CalendarFeeds).OrderBy(f => f.Order).ToList();
        ConnectFeeds();
        base.OnInitialized();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
        {
            preferences = await CalendarPreferences.LoadAsync(JS, CurrentUser.Id);
            feedParams = preferences.FeedParams();
            await LoadCategoriesAsync();
            loaded = true;
            StateHasChanged();
        }
    }

    protected override async Task OnLiveUpdateAsync(LiveUpdate update)
    {
        if (calendar is null)
        {
            return;
        }

        foreach (var feed in feeds.Where(f => update.Topic == LiveUpdate.ResyncTopic || f.LiveTopics.Contains(update.Topic)))
        {
            await calendar.RefetchAsync(feed.Key);
        }
    }

    private async Task OnPreferencesAsync(CalendarPreferences next)
    {
        preferences = next;
        feedParams = next.FeedParams();
        await next.SaveAsync(JS, CurrentUser.Id);
    }

    private async Task ChangeViewAsync(CalendarViewKind view)
    {
        if (calendar is not null)
        {
            await calendar.ChangeViewAsync(view);
        }

        preferences = preferences with { View = view };
        await preferences.SaveAsync(JS, CurrentUser.Id);
    }

    private Task OnRangeChangedAsync(CalendarRange next)
    {
        range = next;
        return Task.CompletedTask;
    }

    private async Task OnMiniDateAsync(DateOnly date)
    {
        jumpedTo = date;
        if (calendar is not null)
        {
            await calendar.GotoDateAsync(date);
        }
    }

    private void OnFeedFailed((string FeedKey, int Status) failure)
    {
        var label = feeds.FirstOrDefault(f => f.Key == failure.FeedKey)?.Label ?? failure.FeedKey;
        Snackbar.Add(
            failure.Status == 401 ? "Your sign-in has expired. Reload the page to sign in again." : $"{label} could not be loaded just now. They will reload with the next change.",
            Severity.Warning,
            o => o.SnackbarVariant = Variant.Outlined);
    }
}
