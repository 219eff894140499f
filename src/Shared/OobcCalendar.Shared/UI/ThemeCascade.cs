namespace OobcCalendar.Shared.UI;

/// <summary>Names of the cascading values the layout gives pages about the theme.</summary>
public static class ThemeCascade
{
    /// <summary>A bool: whether the dark theme is on.</summary>
    public const string DarkMode = "OobcDarkMode";
}
