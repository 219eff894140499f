using MudBlazor;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Host.Infrastructure;

/// <summary>The host's own drawer entries; modules add theirs through their <see cref="ModuleDefinition"/>.</summary>
internal static class HostNavigation
{
    public const string General = "General";
    public const string Manage = "Manage";
    public const string Admin = "Admin";

    /// <summary>Drawer sections in display order; unknown sections follow alphabetically.</summary>
    public static readonly IReadOnlyList<string> SectionOrder = [General, "Calendar", "Resources", "Leave", "Attendance", Manage, Admin];

    public static IReadOnlyList<NavItem> Items { get; } =
    [
        // The calendar is where staff spend the day: first in the drawer, and where signing in lands.
        new("Calendar", "/calendar", Icons.Material.Outlined.CalendarMonth, General, [], -10),
        new("Home", "/", Icons.Material.Outlined.Home, General, [], 0),
        new("Directory", "/directory", Icons.Material.Outlined.Contacts, General, [], 90),
        // One entry for every module's approvals (ADR 0022); its counter sums the sections' badges.
        new("Approvals", "/approvals", Icons.Material.Outlined.FactCheck, Manage, [Roles.Manager, Roles.Admin], 5, Features.Approvals.ApprovalsBadge.BadgeKey),
        new("My team", "/team", Icons.Material.Outlined.Groups, Manage, [Roles.Manager], 50),
        new("Users", "/admin/users", Icons.Material.Outlined.ManageAccounts, Admin, [Roles.Admin], 10),
        new("Integration events", "/admin/integration-events", Icons.Material.Outlined.SyncProblem, Admin, [Roles.Admin], 20),
        new("System status", "/admin/system", Icons.Material.Outlined.MonitorHeart, Admin, [Roles.Admin], 30),
    ];
}
