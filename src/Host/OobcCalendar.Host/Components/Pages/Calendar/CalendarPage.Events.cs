using Microsoft.AspNetCore.Components;
using OobcCalendar.Shared.UI.Calendar;

namespace OobcCalendar.Host.Components.Pages.Calendar;

/// <summary>What happens when the user acts on the calendar (temporary stubs).</summary>
public sealed partial class CalendarPage
{
    private RenderFragment? QuickAddArea => null;

    private Task LoadCategoriesAsync()
    {
        categories = [];
        return Task.CompletedTask;
    }

    private Task NewEventAsync() => Task.CompletedTask;

    private Task OnSelectAsync(CalendarSlot slot) => Task.CompletedTask;

    private Task OnEntryClickAsync(CalendarEntry entry) => Task.CompletedTask;

    private Task<bool> OnEntryChangeAsync(CalendarEntryChange change) => Task.FromResult(false);
}
