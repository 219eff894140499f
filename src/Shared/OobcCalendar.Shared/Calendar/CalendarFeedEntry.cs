namespace OobcCalendar.Shared.Calendar;

/// <summary>
/// One entry a calendar feed returns, whatever module it comes from; <see cref="CalendarFeedEndpoints.MapCalendarFeed"/>
/// writes it as the FullCalendar event object the combined calendar reads. Times are wall-clock times of the signed-in
/// user's zone (<see cref="CalendarFeedRequest.Local"/>; docs/adr/0005); all-day entries are dates, end exclusive.
/// </summary>
/// <param name="Id">Unique within its feed, e.g. "booking:{id}".</param>
/// <param name="Kind">What it is, as the feed's own details or actions read it back ("event", "booking", "leave").</param>
/// <param name="Title">Text on the calendar.</param>
/// <param name="Start">First moment (all-day: first day).</param>
/// <param name="End">End, exclusive (all-day: the day after the last).</param>
/// <param name="AllDay">Whether the entry covers whole days.</param>
public sealed record CalendarFeedEntry(string Id, string Kind, string Title, DateTime Start, DateTime End, bool AllDay = false)
{
    /// <summary>Fill colour; null takes the feed's colour.</summary>
    public string? Colour { get; init; }

    /// <summary>Text colour; null keeps the calendar's (white on the feed colours).</summary>
    public string? TextColour { get; init; }

    /// <summary>Border and the category stripe of blocks (e.g. an event category's colour); null for none.</summary>
    public string? AccentColour { get; init; }

    /// <summary>Whether the viewer may drag and resize it (the feed's <c>ICalendarEntryActions</c> then handles the change).</summary>
    public bool Editable { get; init; }

    /// <summary>Where the entry lives in its module, e.g. "/resources/bookings".</summary>
    public string? Url { get; init; }

    /// <summary>
    /// How the entry looks (repeats, cancelled, pending...), each flag a CSS class the page styles and a boolean in
    /// <c>extendedProps</c>. <see cref="CalendarEntryStyle.Pending"/> is the status flag for anything still awaiting approval.
    /// </summary>
    public CalendarEntryStyle Style { get; init; }

    /// <summary>
    /// What the feed's details component or actions need again (ids, status, location), sent as
    /// <c>extendedProps</c> and read back with <c>CalendarEntry.Prop</c>. A null value is written as null.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Details { get; init; } = new Dictionary<string, string?>();
}

/// <summary>Display states of a <see cref="CalendarFeedEntry"/>; each set flag adds its class (see <see cref="CalendarFeedJson"/>).</summary>
[Flags]
public enum CalendarEntryStyle
{
    /// <summary>Plain.</summary>
    None = 0,

    /// <summary>Part of a series ("oobc-recurring").</summary>
    Recurring = 1,

    /// <summary>One occurrence changed on its own ("oobc-override").</summary>
    Overridden = 2,

    /// <summary>Cancelled, still shown struck through ("oobc-cancelled").</summary>
    Cancelled = 4,

    /// <summary>Only the time is shown to this viewer ("oobc-busy").</summary>
    BusyOnly = 8,

    /// <summary>The viewer declined ("oobc-declined").</summary>
    Declined = 16,

    /// <summary>The viewer answered maybe ("oobc-tentative").</summary>
    Tentative = 32,

    /// <summary>
    /// Asked for, not yet approved (a booking request, a leave request): "oobc-pending" and <c>extendedProps.pending</c>.
    /// The combined calendar draws it outlined and hatched in the entry's colour where confirmed entries are filled,
    /// its legend says so, and its label and details say "pending approval". Any feed sets it the same way.
    /// </summary>
    Pending = 64,
}
