namespace OobcCalendar.Shared.UI.Calendar;

/// <summary>
/// What the combined calendar does with the entries of one feed whose module edits them (Scheduling's events): open,
/// move by drag or resize, create from a selected slot. A module registers one per feed key (scoped: it opens that
/// circuit's dialogs); a feed without one is read-only and opens in the details dialog with its
/// <see cref="Modules.CalendarFeed.DetailsComponent"/>. Each method answers whether anything changed, so the page reloads.
/// </summary>
public interface ICalendarEntryActions
{
    /// <summary>The <see cref="Modules.CalendarFeed.Key"/> whose entries these are.</summary>
    string FeedKey { get; }

    /// <summary>Text of the page's create button (e.g. "New event"); null when this feed does not create from the page.</summary>
    string? CreateLabel { get; }

    /// <summary>Shows the entry the user clicked, with whatever the module lets them do from there.</summary>
    Task<bool> OpenAsync(CalendarEntry entry);

    /// <summary>Puts a dragged or resized entry at its new times; false puts it back.</summary>
    Task<bool> MoveAsync(CalendarEntryChange change);

    /// <summary>Creates an entry in the selected slot (or the page's default slot for its create button).</summary>
    Task<bool> CreateAsync(CalendarSlot slot);
}

/// <summary>Categories a module offers as calendar filters (sent to the feeds as the <c>categories</c> parameter).</summary>
public interface ICalendarCategorySource
{
    /// <summary>The categories, in display order.</summary>
    Task<IReadOnlyList<CalendarCategory>> CategoriesAsync();
}

/// <summary>One filter category: its id (as the feed reads it), name and colour.</summary>
public sealed record CalendarCategory(Guid Id, string Name, string Colour);

/// <summary>
/// What the calendar page offers the components modules put in its toolbar slot
/// (<see cref="Modules.ModuleDefinition.CalendarToolbarComponents"/>); they take it as the <c>Calendar</c> parameter.
/// </summary>
public interface ICalendarPage
{
    /// <summary>Shows the period containing <paramref name="start"/> (wall-clock, user's zone) and reloads every feed.</summary>
    Task ShowAsync(DateTime start);
}
