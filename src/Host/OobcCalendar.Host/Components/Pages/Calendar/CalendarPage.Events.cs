using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using OobcCalendar.Modules.Scheduling.UI.Events;
using OobcCalendar.Shared.UI.Calendar;

namespace OobcCalendar.Host.Components.Pages.Calendar;

/// <summary>What happens when the user acts on the calendar: Scheduling's events get its dialogs, other entries a read-only view.</summary>
public sealed partial class CalendarPage
{
    private const string EventKind = "event";

    [Inject] private EventActions Events { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    private async Task LoadCategoriesAsync()
    {
        var list = await Events.CategoriesAsync();
        categories = list.Select(c => new CategoryOption(c.Id, c.Name, c.Colour)).ToList();
    }

    private async Task NewEventAsync()
    {
        if (await Events.CreateAsync(DefaultStart(), DefaultStart().AddHours(1), allDay: false))
        {
            await ReloadEventsAsync();
        }
    }

    private async Task OnSelectAsync(CalendarSlot slot)
    {
        if (await Events.CreateAsync(slot.Start, slot.End, slot.AllDay))
        {
            await ReloadEventsAsync();
        }
    }

    private async Task OnEntryClickAsync(CalendarEntry entry)
    {
        if (entry.Kind == EventKind && ReadEventKey(entry) is { } key)
        {
            if (await Events.OpenAsync(key.EventId, key.RecurrenceId))
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
        if (change.Entry.Kind != EventKind || ReadEventKey(change.Entry) is not { } key)
        {
            return false;
        }

        var moved = await Events.MoveAsync(key.EventId, key.RecurrenceId, change.Entry.Start, change.Entry.End, change.Entry.AllDay);
        // Either way the feed holds the truth now (a series move changes other occurrences too).
        await ReloadEventsAsync();
        return moved;
    }

    // A quick-added event may fall outside the period on screen: go to it, so the user sees what was saved.
    private async Task ShowAddedAsync(DateTime start)
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

    private Task ReloadEventsAsync() => calendar?.RefetchAsync() ?? Task.CompletedTask;

    private DateTime DefaultStart()
    {
        var now = TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), Shared.Users.OfficeTime.Zone(CurrentUser.TimeZoneId)).DateTime;
        var day = range is { ViewKind: not CalendarViewKind.Agenda } r && (now < r.Start || now >= r.End) ? r.CurrentStart.Date.AddHours(9) : now.Date.AddHours(now.Hour + 1);
        return day;
    }

    private static (Guid EventId, DateTimeOffset? RecurrenceId)? ReadEventKey(CalendarEntry entry)
    {
        if (!Guid.TryParse(entry.Prop("eventId"), out var eventId))
        {
            return null;
        }

        DateTimeOffset? recurrenceId = DateTimeOffset.TryParse(entry.Prop("recurrenceId"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var rid) ? rid : null;
        return (eventId, recurrenceId);
    }
}
