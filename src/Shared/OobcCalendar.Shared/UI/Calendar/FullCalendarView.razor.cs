using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using OobcCalendar.Shared.Calendar;
using OobcCalendar.Shared.Modules;

namespace OobcCalendar.Shared.UI.Calendar;

/// <summary>
/// A FullCalendar showing several feeds at once. Feeds are queried with the same <see cref="Params"/> (e.g. scope,
/// categories); the user selects empty slots, clicks entries, drags and resizes them, and the component reports each
/// through a callback. Times are wall-clock in <see cref="TimeZoneId"/>. Needs FullCalendar's files under
/// <see cref="LibraryBase"/> (the host lays them out with build/frontend.sh).
/// </summary>
public sealed partial class FullCalendarView : ComponentBase, IAsyncDisposable
{
    private ElementReference element;
    private IJSObjectReference? module;
    private IJSObjectReference? controller;
    private DotNetObjectReference<FullCalendarView>? self;
    private IReadOnlyDictionary<string, string>? sentParams;
    private bool ready;
    private bool disposed;
    private bool? sentDark;
    private string? sentZone;

    [Inject] private IJSRuntime JS { get; set; } = default!;

    /// <summary>The sources to show, each with its colour.</summary>
    [Parameter, EditorRequired] public IReadOnlyList<CalendarFeed> Feeds { get; set; } = [];

    /// <summary>Extra query parameters for every feed; a change reloads them.</summary>
    [Parameter] public IReadOnlyDictionary<string, string> Params { get; set; } = new Dictionary<string, string>();

    /// <summary>IANA zone whose wall clock the calendar shows (for "now" and "today").</summary>
    [Parameter, EditorRequired] public string TimeZoneId { get; set; } = "UTC";

    [Parameter] public CalendarViewKind InitialView { get; set; } = CalendarViewKind.Month;

    /// <summary>View used instead of <see cref="InitialView"/> on screens narrower than 600 px, if set.</summary>
    [Parameter] public CalendarViewKind? NarrowView { get; set; }

    [Parameter] public DateOnly? InitialDate { get; set; }

    /// <summary>Whether entries may be dragged and resized (each feed entry may still say editable: false).</summary>
    [Parameter] public bool Editable { get; set; } = true;

    /// <summary>Whether empty slots may be selected.</summary>
    [Parameter] public bool Selectable { get; set; } = true;

    /// <summary>Where the host serves FullCalendar's files.</summary>
    [Parameter] public string LibraryBase { get; set; } = "lib/fullcalendar";

    [Parameter] public string? Class { get; set; }

    /// <summary>The layout's dark theme switch; the calendar's palette follows it.</summary>
    [CascadingParameter(Name = ThemeCascade.DarkMode)] public bool DarkMode { get; set; }

    /// <summary>Text of the agenda view when the period is empty.</summary>
    [Parameter] public string NoEventsText { get; set; } = "Nothing in this period.";

    [Parameter] public EventCallback<CalendarSlot> OnSelect { get; set; }

    [Parameter] public EventCallback<CalendarEntry> OnEntryClick { get; set; }

    /// <summary>
    /// Called after a drag or resize; answer true to keep the new times, false to put the entry back (the user
    /// cancelled or the server refused). Without a handler every change is put back.
    /// </summary>
    [Parameter] public Func<CalendarEntryChange, Task<bool>>? OnEntryChange { get; set; }

    [Parameter] public EventCallback<CalendarRange> OnRangeChanged { get; set; }

    /// <summary>
    /// Answers the entries of every feed whose <see cref="CalendarFeed.Url"/> is empty, for the visible range (wall clock
    /// in <see cref="TimeZoneId"/>, end exclusive): the component's own source, over the circuit, for a page whose reader
    /// has no session to fetch a feed with. <see cref="RefetchAsync"/> asks again.
    /// </summary>
    [Parameter] public Func<CalendarFetch, Task<IReadOnlyList<CalendarFeedEntry>>>? FetchEntries { get; set; }

    /// <summary>A feed answered with an HTTP error (status code given).</summary>
    [Parameter] public EventCallback<(string FeedKey, int Status)> OnFeedFailed { get; set; }

    /// <summary>Whether the calendar has rendered in the browser.</summary>
    public bool IsReady => ready;

    /// <summary>Reloads one feed, or every feed when <paramref name="feedKey"/> is null, keeping view and date.</summary>
    public Task RefetchAsync(string? feedKey = null) => CallAsync("refetch", feedKey ?? string.Empty);

    /// <summary>Shows the period containing <paramref name="date"/>.</summary>
    public Task GotoDateAsync(DateOnly date) => CallAsync("gotoDate", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Switches the layout, keeping the date.</summary>
    public Task ChangeViewAsync(CalendarViewKind view) => CallAsync("changeView", view.ToFullCalendar(), null);

    public Task TodayAsync() => CallAsync("today");

    public Task PrevAsync() => CallAsync("prev");

    public Task NextAsync() => CallAsync("next");

    /// <summary>Sets a FullCalendar option at run time (e.g. "colorScheme").</summary>
    public Task SetOptionAsync(string name, object? value) => CallAsync("setOption", name, value);

    protected override async Task OnParametersSetAsync()
    {
        if (controller is not null && !SameParams(sentParams, Params))
        {
            sentParams = Params;
            await CallAsync("setParams", Params);
        }

        if (controller is not null && sentZone != TimeZoneId)
        {
            sentZone = TimeZoneId;
            await CallAsync("setTimeZone", TimeZoneId);
        }

        if (controller is not null && sentDark != DarkMode)
        {
            sentDark = DarkMode;
            await CallAsync("setOption", "colorScheme", DarkMode ? "dark" : "light");
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        // Each await may outlive the component (the user left /calendar at once) or the circuit: stop quietly, and
        // never keep a browser object a disposed component can no longer release.
        self = DotNetObjectReference.Create(this);
        var (imported, loaded) = await SafeJs.TryAsync(() => JS.InvokeAsync<IJSObjectReference>("import", "./_content/OobcCalendar.Shared/calendar/full-calendar.js"));
        if (!imported || loaded is null)
        {
            return;
        }

        module = loaded;
        if (disposed)
        {
            await DisposeModuleAsync();
            return;
        }

        sentParams = Params;
        var (created, calendar) = await SafeJs.TryAsync(() => loaded.InvokeAsync<IJSObjectReference>("create", element, self, new
        {
            feeds = Feeds.OrderBy(f => f.Order).Select(f => new { key = f.Key, url = f.Url, colour = f.Colour }).ToList(),
            @params = Params,
            timeZoneId = TimeZoneId,
            initialView = InitialView.ToFullCalendar(),
            narrowView = NarrowView?.ToFullCalendar(),
            initialDate = InitialDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            editable = Editable,
            selectable = Selectable,
            libraryBase = LibraryBase,
            noEventsText = NoEventsText,
            colorScheme = DarkMode ? "dark" : "light",
        }));
        if (!created || calendar is null)
        {
            return;
        }

        controller = calendar;
        sentDark = DarkMode;
        sentZone = TimeZoneId;
        if (disposed)
        {
            await DisposeControllerAsync();
            await DisposeModuleAsync();
            return;
        }

        ready = true;
        StateHasChanged();
    }

    [JSInvokable]
    public Task OnSelectAsync(CalendarSlot slot) => OnSelect.InvokeAsync(slot);

    [JSInvokable]
    public Task OnEventClickAsync(CalendarEntry entry) => OnEntryClick.InvokeAsync(entry);

    [JSInvokable]
    public async Task<bool> OnEventChangedAsync(CalendarEntryChange change) =>
        OnEntryChange is not null && await OnEntryChange(change);

    [JSInvokable]
    public Task OnDatesSetAsync(CalendarRange range) => OnRangeChanged.InvokeAsync(range);

    [JSInvokable]
    public async Task<string> OnFetchEntriesAsync(string feedKey, DateTime start, DateTime end)
    {
        IReadOnlyList<CalendarFeedEntry> entries = FetchEntries is null || disposed ? [] : await FetchEntries(new CalendarFetch(feedKey, start, end));
        return System.Text.Encoding.UTF8.GetString(CalendarFeedJson.Write(entries));
    }

    [JSInvokable]
    public Task OnFeedFailedAsync(string feedKey, int status) => OnFeedFailed.InvokeAsync((feedKey, status));

    public async ValueTask DisposeAsync()
    {
        disposed = true;
        await DisposeControllerAsync();
        await DisposeModuleAsync();
        self?.Dispose();
    }

    private async Task DisposeModuleAsync()
    {
        if (module is not null)
        {
            var m = module;
            module = null;
            await SafeJs.TryAsync(() => m.DisposeAsync());
        }
    }

    private async Task DisposeControllerAsync()
    {
        if (controller is not null)
        {
            var c = controller;
            controller = null;
            await SafeJs.TryAsync(() => c.InvokeVoidAsync("dispose"));
            await SafeJs.TryAsync(() => c.DisposeAsync());
        }
    }

    private async Task CallAsync(string method, params object?[] args)
    {
        if (controller is { } c && !disposed)
        {
            await SafeJs.TryAsync(() => c.InvokeVoidAsync(method, args));
        }
    }

    private static bool SameParams(IReadOnlyDictionary<string, string>? a, IReadOnlyDictionary<string, string> b) =>
        a is not null && a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);
}
