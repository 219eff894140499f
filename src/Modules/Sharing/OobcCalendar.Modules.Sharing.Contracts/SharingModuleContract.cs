using OobcCalendar.Shared.Modules;

[assembly: ModuleContracts(OobcCalendar.Modules.Sharing.Contracts.SharingModuleContract.Name)]

namespace OobcCalendar.Modules.Sharing.Contracts;

/// <summary>Names other modules and the host use to refer to the Sharing module.</summary>
public static class SharingModuleContract
{
    /// <summary>Module name: configuration key (<c>Modules:Sharing:Enabled</c>) and PostgreSQL schema.</summary>
    public const string Name = "Sharing";

    /// <summary>Route prefix of the module's pages.</summary>
    public const string RoutePrefix = "/sharing";

    /// <summary>Prefix of the anonymous ICS feeds (<c>/share/{token}.ics</c>): rate-limited per token and address, never indexed.</summary>
    public const string FeedPrefix = "/share";

    /// <summary>Prefix of the anonymous public pages (<c>/s/{token}</c>): rate-limited per token and address, never indexed.</summary>
    public const string PagePrefix = "/s";

    /// <summary>
    /// <c>HttpContext.Items</c> key a public page sets to <c>true</c> when its link may be embedded in other sites; the host's
    /// security headers then allow any frame ancestor for that answer only.
    /// </summary>
    public const string EmbedAllowedItem = "oobc:share-embed";
}
