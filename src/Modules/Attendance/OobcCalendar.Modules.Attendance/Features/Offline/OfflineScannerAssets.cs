using System.Net;

namespace OobcCalendar.Modules.Attendance.Features.Offline;

/// <summary>
/// The scanner's page shell and service worker, embedded in the assembly: the worker must be served from
/// <c>/attendance/offline/</c> to control that scope, and both must exist wherever the module runs (tests, published
/// host) without relying on static-file layout. Its script, style and icons are ordinary static web assets.
/// </summary>
internal static class OfflineScannerAssets
{
    /// <summary>Where the module's static files for the scanner are served.</summary>
    public const string StaticPath = "/_content/OobcCalendar.Modules.Attendance/offline";

    private static readonly string PageTemplate = Read("scanner.html");

    public static string ServiceWorker { get; } = Read("sw.js").Replace("__ASSETS__", StaticPath, StringComparison.Ordinal);

    public static string Page(Guid listId, string antiforgeryToken) => PageTemplate
        .Replace("__LIST__", listId.ToString(), StringComparison.Ordinal)
        .Replace("__TOKEN__", WebUtility.HtmlEncode(antiforgeryToken), StringComparison.Ordinal)
        .Replace("__ASSETS__", StaticPath, StringComparison.Ordinal);

    private static string Read(string name)
    {
        using var stream = typeof(OfflineScannerAssets).Assembly.GetManifestResourceStream($"OobcCalendar.Modules.Attendance.Offline.{name}")
            ?? throw new InvalidOperationException($"The offline scanner's embedded {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
