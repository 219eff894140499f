using System.Security.Cryptography;
using OobcCalendar.Modules.Sharing.Contracts;

namespace OobcCalendar.Host.Infrastructure;

/// <summary>
/// Response headers every answer carries (nosniff, referrer, permissions, no framing) and a Content-Security-Policy
/// chosen by what the answer is: pages get the policy the Blazor shell needs, anything else (JSON feeds, .ics, .csv,
/// problem details) gets <c>default-src 'none'</c>, so a file opened in the browser can never run or load anything.
/// </summary>
internal static class SecurityHeaders
{
    private const string NonceKey = "oobc:csp-nonce";

    // The drawer's future check-in scanner (html5-qrcode) uses the camera on our own pages; nothing else is needed.
    private const string Permissions = "camera=(self), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()";

    private const string NotAPage = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    // A service worker runs under the policy of its own script's response: with NotAPage it could neither fetch nor
    // cache anything (the offline scanner's worker, ADR 0030). Browsers mark that fetch with "Service-Worker: script".
    private const string ServiceWorker = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>This request's script nonce (for the one inline script: Blazor's import map).</summary>
    public static string Nonce(HttpContext context) => context?.Items[NonceKey] as string ?? string.Empty;

    public static IApplicationBuilder UseOobcSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Hex, not Base64: a "+" would reach the page HTML-encoded (&#x2B;), and the nonce must read the same everywhere.
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        context.Response.OnStarting(() =>
        {
            Apply(context, nonce);
            return Task.CompletedTask;
        });
        return next(context);
    });

    private static void Apply(HttpContext context, string nonce)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = Permissions;
        headers.XFrameOptions = "DENY";
        var page = context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
        headers.ContentSecurityPolicy = page ? PagePolicy(context.Request, nonce)
            : context.Request.Headers["Service-Worker"] == "script" ? ServiceWorker
            : NotAPage;
        if (RateLimits.SharedToken(context) is not null)
        {
            // A share link's token is in its address: it must never leave in a Referer, nor be indexed.
            headers["Referrer-Policy"] = "no-referrer";
            headers["X-Robots-Tag"] = "noindex, nofollow";
            if (page && context.Items[EmbedKey] is true)
            {
                // The owner allowed embedding this link in other sites.
                headers.Remove("X-Frame-Options");
                headers.ContentSecurityPolicy = headers.ContentSecurityPolicy.ToString().Replace("frame-ancestors 'none'", "frame-ancestors *", StringComparison.Ordinal);
            }
        }
    }

    /// <summary>Set to true in <see cref="HttpContext.Items"/> by a public share page whose link may be embedded.</summary>
    public const string EmbedKey = SharingModuleContract.EmbedAllowedItem;

    // script-src: our own files plus the nonce'd import map; no inline script, no eval. 'wasm-unsafe-eval' lets our own
    // .wasm file compile (the camera scanners' ZXing-C++ decoder, ADR 0041); it does not allow eval of JavaScript.
    // style-src 'unsafe-inline': MudBlazor writes style attributes and its theme as a <style> element, and FullCalendar
    // sets inline sizes; styles cannot run code, and without it every page renders unstyled.
    // connect-src: fetch to ourselves and the circuit's WebSocket on this very host (CSP2 browsers do not count ws: as 'self').
    private static string PagePolicy(HttpRequest request, string nonce)
    {
        var socket = (request.IsHttps ? "wss://" : "ws://") + request.Host.Value;
        return $"default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + $"font-src 'self' data:; connect-src 'self' {socket}; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }
}
