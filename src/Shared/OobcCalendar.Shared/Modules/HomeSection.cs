namespace OobcCalendar.Shared.Modules;

/// <summary>
/// One card a module adds to Home (e.g. Scheduling's "My day", Resources' bookings, later leave balance or who is out).
/// Home renders the sections of every enabled module in <see cref="Order"/>, each under its <see cref="Title"/>, and knows
/// no module by name. The component reads the signed-in user itself (inject <c>ICurrentUser</c>) and should render its
/// own empty state; inheriting <c>LiveComponentBase</c> keeps it current without a reload.
/// </summary>
/// <param name="Key">Stable identifier, also the card's <c>data-section</c> attribute, e.g. "scheduling.my-day".</param>
/// <param name="Title">Card heading, e.g. "My day".</param>
/// <param name="Component">A component type without required parameters that renders the card's body.</param>
/// <param name="Order">Position on Home (lower first); leave room between modules (10, 20, ...).</param>
public sealed record HomeSection(string Key, string Title, Type Component, int Order = 100)
{
    /// <summary>
    /// Roles allowed to see the section; empty means every signed-in user. Sections that act as a person (bookings,
    /// answers) list <c>Roles.OfficeMemberRoles</c>, so a check-in desk account never renders one that would refuse it.
    /// </summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>Whether a user for whom <paramref name="isInRole"/> answers may see this section.</summary>
    public bool IsVisibleTo(Func<string, bool> isInRole) => Roles.Count == 0 || Roles.Any(isInRole);
}
