using MudBlazor;

namespace OobcCalendar.Shared.UI;

/// <summary>
/// The product's colours and type; system fonts only (no external font downloads). Shared so pages outside the main
/// layout (a share link's public page) wear the same office branding.
/// </summary>
public static class OobcTheme
{
    /// <summary>The one theme of the app, light and dark palettes.</summary>
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1B5E8C",
            Secondary = "#5C6B7A",
            Tertiary = "#2E7D32",
            AppbarBackground = "#1B5E8C",
            Background = "#F5F7FA",
            DrawerBackground = "#FFFFFF",
            Success = "#2E7D32",
            // Darker than MudBlazor's defaults: white text on a "Pending" chip or a warning/error button, and
            // these colours as text on white ("Needs approval", "Cancel"), read at 4.5:1 or better (WCAG AA).
            Warning = "#A85400",
            Error = "#C62828",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#6FB1E3",
            Secondary = "#9AA8B6",
            Tertiary = "#81C784",
            AppbarBackground = "#16212C",
            Background = "#0F161D",
            Surface = "#17212B",
            DrawerBackground = "#131C25",
            Success = "#81C784",
            Warning = "#FFB74D",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Noto Sans", "Helvetica Neue", "Arial", "sans-serif"],
            },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px", DrawerWidthLeft = "248px" },
    };
}
