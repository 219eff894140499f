using MudBlazor;
using OobcCalendar.Modules.Resources.Domain.Resources;

namespace OobcCalendar.Modules.Resources.UI.Components;

/// <summary>The icon each kind of resource shows on every screen.</summary>
internal static class ResourceIcons
{
    public static string KindIcon(ResourceKind kind) => kind switch
    {
        ResourceKind.Room => Icons.Material.Outlined.MeetingRoom,
        ResourceKind.Vehicle => Icons.Material.Outlined.DirectionsCar,
        _ => Icons.Material.Outlined.Devices,
    };

    public static string KindIcon(string kind) => Enum.TryParse<ResourceKind>(kind, out var k) ? KindIcon(k) : Icons.Material.Outlined.Category;
}
