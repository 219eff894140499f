using OobcCalendar.Modules.Sharing.Domain;
using OobcCalendar.Modules.Sharing.Features.Links;

namespace OobcCalendar.Modules.Sharing.UI.Pages;

/// <summary>What a link shows, in the words of the create form rather than its enum names.</summary>
internal static class ShareLabels
{
    public static string Scope(ShareScope scope) => scope switch
    {
        ShareScope.MyCalendar => "My calendar",
        ShareScope.Unit => "Unit calendar",
        ShareScope.Resource => "Resource bookings",
        _ => "Whole office",
    };

    public static string Level(ShareDetailLevel level) => level switch
    {
        ShareDetailLevel.BusyOnly => "busy only",
        ShareDetailLevel.Titles => "titles",
        _ => "details",
    };

    public static string Describe(ShareLinkSummary link) =>
        $"{Scope(link.Scope)} · {Level(link.Level)}{(link.HasPin ? " · PIN" : string.Empty)}{(link.AllowEmbed ? " · embeddable" : string.Empty)}";
}
