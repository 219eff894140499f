using Microsoft.AspNetCore.Components;
using MudBlazor;
using OobcCalendar.Shared.UI.Calendar;

namespace OobcCalendar.Host.Components.Pages.Calendar;

/// <summary>
/// What happens when the user acts on the calendar: an entry goes to its feed's <see cref="ICalendarEntryActions"/>
/// when its module registered one (Scheduling's events open its dialogs), else to a read-only view with the feed's
/// own details component. The page knows no module: with one switched off, its feed, actions and toolbar are gone.
/// </summary>
public sealed partial class CalendarPage : ICalendarPage
{
    private IReadOnlyDictionary<string, ICalendarEntryActions> actions = new Dictionary<string, ICalendarEntryActions>();
    private ICalendarEntryActions? creator;
    private IReadOnlyList<Type> toolbar = [];
    private Dictionary<string, object?>? toolbarParameters;

    [Inject] private IEnumerable<ICalendarEntryActions> EntryActions { get; set; } = default!;

    [Inject] private IEnumerable<ICalendarCategorySource> CategorySources { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    private Dictionary<string, object?> ToolbarParameters => toolbarParameters ??= new() { ["Calendar"] = this };

    /// <inheritdoc />
    // A quick-added event may fall outside the period on screen: go to it, so the user sees what was saved.
    public async Task ShowAsync(DateTime start)
    {
        if (calendar is null)
        {
            return;
        }

        if (range is null || start < range.Start || start >= range.End)
        {
            await calendar.GotoDateAsync(DateOnly.FromDateTime(start));
        }

        await calendar.RefetchAsync();
    }

    private void ConnectFeeds()
    {
        var keys = feeds.Select(f => f.Key).ToHashSet();
        actions = EntryActions.Where(a => keys.Contains(a.FeedKey)).GroupBy(a => a.FeedKey).ToDictionary(g => g.Key, g => g.First());
        creator = feeds.Select(f => actions.GetValueOrDefault(f.Key)).FirstOrDefault(a => a?.CreateLabel is not null);
        toolbar = Modules.Modules.SelectMany(m => m.CalendarToolbarComponents).ToList();
    }

    private async Task LoadCategoriesAsync()
    {
        var all = new List<CategoryOption>();
        foreach (var source in CategorySources)
        {
            all.AddRange((await source.CategoriesAsync()).Select(c => new CategoryOption(c.Id, c.Name, c.Colour)));
        }

        categories = all;
    }

    private async Task NewEventAsync()
    {
        if (creator is not null && await creator.CreateAsync(new CalendarSlot(DefaultStart(), DefaultStart().AddHours(1), AllDay: false)))
        {
            await ReloadEventsAsync();
        }
    }

    private async Task OnSelectAsync(CalendarSlot slot)
    {
        if (creator is not null && await creator.CreateAsync(slot))
        {
            await ReloadEventsAsync();
        }
    }

    private async Task OnEntryClickAsync(CalendarEntry entry)
    {
        if (actions.TryGetValue(entry.FeedKey, out var feedActions))
        {
            if (await feedActions.OpenAsync(entry))
            {
                await ReloadEventsAsync();
            }

            return;
        }

        var parameters = new DialogParameters<EntryDetailsDialog> { { d => d.Entry, entry }, { d => d.Feed, feeds.FirstOrDefault(f => f.Key == entry.FeedKey) } };
        await Dialogs.ShowAsync<EntryDetailsDialog>(entry.Title, parameters, new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true });
    }

    private async Task<bool> OnEntryChangeAsync(CalendarEntryChange change)
    {
        if (!actions.TryGetValue(change.Entry.FeedKey, out var feedActions))
        {
            return false;
        }

        var moved = await feedActions.MoveAsync(change);
        // Either way the feed holds the truth now (a series move changes other occurrences too).
        await ReloadEventsAsync();
        return moved;
    }

    private Task ReloadEventsAsync() => calendar?.RefetchAsync() ?? Task.CompletedTask;

    private DateTime DefaultStart()
    {
        var now = Shared.Time.WallClock.Now(Clock, Shared.Users.OfficeTime.Zone(CurrentUser.TimeZoneId));
        var day = range is { ViewKind: not CalendarViewKind.Agenda } r && (now < r.Start || now >= r.End) ? r.CurrentStart.Date.AddHours(9) : now.Date.AddHours(now.Hour + 1);
        return day;
    }
}
