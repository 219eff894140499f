using System.Reflection;

namespace OobcCalendar.Shared.Modules;

/// <summary>
/// What a module tells the host about itself: its name (also its configuration key and schema),
/// the assembly holding its Razor pages, and the navigation entries it adds to the drawer.
/// Registered as a singleton by the module's own <c>Add&lt;Name&gt;Module</c> call.
/// </summary>
public sealed record ModuleDefinition(string Name, Assembly Assembly, IReadOnlyList<NavItem> Navigation)
{
    /// <summary>HTTP endpoints (downloads, feeds) the module maps under its route prefix, if any.</summary>
    public Action<Microsoft.AspNetCore.Routing.IEndpointRouteBuilder>? MapEndpoints { get; init; }

    /// <summary>Event feeds this module adds to the combined calendar page (events, bookings, leave...).</summary>
    public IReadOnlyList<CalendarFeed> CalendarFeeds { get; init; } = [];

    /// <summary>
    /// Components the combined calendar renders above the calendar (e.g. Scheduling's quick add), each taking an
    /// <see cref="UI.Calendar.ICalendarPage"/> as its <c>Calendar</c> parameter.
    /// </summary>
    public IReadOnlyList<Type> CalendarToolbarComponents { get; init; } = [];

    /// <summary>Cards this module adds to Home (see <see cref="HomeSection"/>), shown with every other module's in order.</summary>
    public IReadOnlyList<HomeSection> HomeSections { get; init; } = [];

    /// <summary>What this module gives the host's one "Approvals" page (ADR 0022): a section per kind of request it decides.</summary>
    public IReadOnlyList<ApprovalSection> ApprovalSections { get; init; } = [];

    /// <summary>What this module adds to an event's details dialog (ADR 0029), e.g. an "Attendance" button.</summary>
    public IReadOnlyList<EventDetailsExtension> EventDetailsExtensions { get; init; } = [];

    /// <summary>
    /// Parameterless components the host's app bar shows for a signed-in user, left of the theme switch (e.g.
    /// Notifications' bell); each reads the user itself. Absent when the module is switched off.
    /// </summary>
    public IReadOnlyList<Type> AppBarComponents { get; init; } = [];
}

/// <summary>
/// One section of the host's "Approvals" page: a parameterless component listing what waits for the signed-in approver
/// (it loads and decides through its own module's use cases), and the badge that counts it for the drawer's one counter.
/// </summary>
/// <param name="Key">Stable identifier, e.g. "bookings", "leave"; also the section's anchor.</param>
/// <param name="Title">Section heading, e.g. "Resource bookings".</param>
/// <param name="Component">The component rendered in the section (no parameters).</param>
/// <param name="BadgeKey">The <see cref="INavBadgeSource.Key"/> counting the section's pending items.</param>
/// <param name="Order">Position on the page (lower first).</param>
public sealed record ApprovalSection(string Key, string Title, Type Component, string BadgeKey, int Order = 100);

/// <summary>
/// One source of the combined calendar: a JSON endpoint answering
/// <c>GET {Url}?start=ISO&amp;end=ISO[&amp;scope=mine|unit|all]</c> with FullCalendar event objects for the signed-in
/// user, mapped with <see cref="Calendar.CalendarFeedEndpoints.MapCalendarFeed"/>. The calendar page lists every
/// registered feed, so a new module's feed appears without changing the page. Clicking an entry runs the feed's
/// <see cref="UI.Calendar.ICalendarEntryActions"/> when its module registers one, else shows a read-only dialog with
/// <see cref="DetailsComponent"/>.
/// </summary>
/// <param name="Key">Stable identifier, e.g. "events", "bookings", "leave".</param>
/// <param name="Label">Legend text, e.g. "Resource bookings".</param>
/// <param name="Url">Absolute path of the feed, e.g. "/api/calendar/bookings".</param>
/// <param name="Colour">CSS colour of its entries and legend swatch.</param>
/// <param name="LiveTopics">Live-update topics after which the page reloads this feed.</param>
/// <param name="Order">Legend position (lower first).</param>
public sealed record CalendarFeed(string Key, string Label, string Url, string Colour, IReadOnlyList<string> LiveTopics, int Order = 100)
{
    /// <summary>
    /// A component with a <c>[Parameter] CalendarEntry Entry</c> showing what the read-only details dialog should say
    /// about an entry of this feed beyond its title and time (facts from its details, a link to its module); null for none.
    /// </summary>
    public Type? DetailsComponent { get; init; }
}

/// <summary>One entry of the navigation drawer.</summary>
/// <param name="Title">Text shown in the drawer.</param>
/// <param name="Href">Relative URL, prefixed by the module's route prefix.</param>
/// <param name="Icon">A MudBlazor icon (SVG path string).</param>
/// <param name="Section">Drawer group the entry belongs to, e.g. "Calendar", "Approvals", "Admin".</param>
/// <param name="Roles">Roles allowed to see it; empty means every signed-in user.</param>
/// <param name="Order">Position inside its section (lower first).</param>
/// <param name="BadgeKey">Optional key of a live counter shown beside the entry (see <see cref="INavBadgeSource"/>).</param>
public sealed record NavItem(
    string Title,
    string Href,
    string Icon,
    string Section,
    IReadOnlyList<string> Roles,
    int Order = 100,
    string? BadgeKey = null)
{
    /// <summary>Whether a user for whom <paramref name="isInRole"/> answers may see this entry.</summary>
    public bool IsVisibleTo(Func<string, bool> isInRole) => Roles.Count == 0 || Roles.Any(isInRole);
}

/// <summary>
/// Supplies the live counter for a navigation entry (e.g. pending approvals). The drawer asks it
/// again whenever a live update with one of <see cref="Topics"/> arrives.
/// </summary>
public interface INavBadgeSource
{
    /// <summary>The <see cref="NavItem.BadgeKey"/> this source answers for.</summary>
    string Key { get; }

    /// <summary>Live-update topics that may change the count.</summary>
    IReadOnlyList<string> Topics { get; }

    /// <summary>The count for the given user; 0 hides the badge.</summary>
    Task<int> CountAsync(Users.ICurrentUser user, CancellationToken cancellationToken);
}
