using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OobcCalendar.Modules.Attendance.Features.Offline;

/// <summary>
/// The offline scanner (ADR 0030): a plain HTML + JS page per list with its service worker and web manifest under
/// <c>/attendance/offline/</c>, and the two JSON endpoints it calls: the list download and the scan upload. The upload
/// is cookie-authenticated, so it also requires the antiforgery token in a request header (a cross-site form cannot
/// set a header, and cross-site script cannot send one without a CORS preflight we never allow).
/// </summary>
internal static class OfflineScannerEndpoints
{
    public const string PagePrefix = "/attendance/offline";

    /// <summary>The largest upload body accepted: 100 scans of about 250 bytes each fit with room to spare.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private const string ApiPrefix = "/api/attendance/offline";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The scanner page's address for a list (linked from the desk and the check-in list).</summary>
    public static string PageUrl(Guid listId) => $"{PagePrefix}/{listId}";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(PagePrefix + "/{listId:guid}", Page).RequireAuthorization();
        endpoints.MapGet(PagePrefix + "/sw.js", ServiceWorker).AllowAnonymous();
        endpoints.MapGet(PagePrefix + "/manifest.webmanifest", Manifest).AllowAnonymous();
        endpoints.MapGet(ApiPrefix + "/{listId:guid}/list", ListAsync).RequireAuthorization();
        endpoints.MapPost(ApiPrefix + "/{listId:guid}/scans", UploadAsync).RequireAuthorization();
    }

    // The shell is the same for every user; the list itself comes from the API. The antiforgery token in it serves
    // only until the scanner fetches a fresh one with the list (a cached page's token may be stale).
    private static IResult Page(Guid listId, HttpContext http, IAntiforgery antiforgery)
    {
        var token = antiforgery.GetAndStoreTokens(http).RequestToken ?? string.Empty;
        http.Response.Headers.CacheControl = "no-cache";
        return Results.Content(OfflineScannerAssets.Page(listId, token), "text/html; charset=utf-8");
    }

    private static IResult ServiceWorker(HttpContext http)
    {
        // no-cache: the browser checks for a new worker on every visit instead of keeping an old one for a day.
        http.Response.Headers.CacheControl = "no-cache";
        return Results.Content(OfflineScannerAssets.ServiceWorker, "text/javascript; charset=utf-8");
    }

    private static IResult Manifest(Guid? list)
    {
        var start = list is { } id ? PageUrl(id) : "/attendance";
        var manifest = new Dictionary<string, object>
        {
            ["name"] = "OobcCalendar offline scanner",
            ["short_name"] = "Scanner",
            ["description"] = "Checks people in from a downloaded list, with or without a network.",
            ["start_url"] = start,
            ["scope"] = PagePrefix + "/",
            ["display"] = "standalone",
            ["background_color"] = "#ffffff",
            ["theme_color"] = "#1565c0",
            ["icons"] = new[]
            {
                new Dictionary<string, string> { ["src"] = OfflineScannerAssets.StaticPath + "/icon-192.png", ["sizes"] = "192x192", ["type"] = "image/png" },
                new Dictionary<string, string> { ["src"] = OfflineScannerAssets.StaticPath + "/icon-512.png", ["sizes"] = "512x512", ["type"] = "image/png" },
                new Dictionary<string, string> { ["src"] = OfflineScannerAssets.StaticPath + "/icon.svg", ["sizes"] = "any", ["type"] = "image/svg+xml" },
            },
        };
        return Results.Json(manifest, Json, "application/manifest+json");
    }

    private static async Task<IResult> ListAsync(Guid listId, HttpContext http, IAntiforgery antiforgery, IMediator mediator, CancellationToken cancellationToken)
    {
        var list = await mediator.Send(new GetOfflineList(listId), cancellationToken);
        var token = antiforgery.GetAndStoreTokens(http).RequestToken;
        // Names and ticket hashes: never kept by an HTTP cache; the scanner keeps its own copy in IndexedDB.
        http.Response.Headers.CacheControl = "no-store";
        return Results.Json(new { list, antiforgeryToken = token }, Json);
    }

    private static async Task<IResult> UploadAsync(Guid listId, HttpContext http, IAntiforgery antiforgery, IMediator mediator, CancellationToken cancellationToken)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return Results.Problem(
                title: "The scanner's security token is missing or out of date.", detail: "Fetch the list again (it carries a fresh token) and retry.",
                statusCode: StatusCodes.Status400BadRequest, type: "oobc:antiforgery");
        }

        var body = await OfflineUploadBody.ReadAsync(http.Request, MaxBodyBytes, cancellationToken);
        if (body.TooLarge)
        {
            return Results.Problem(
                title: $"The upload is larger than {MaxBodyBytes / 1024} KB.", detail: $"Send at most {UploadOfflineScansValidator.MaxScans} scans at a time.",
                statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        UploadBody? upload;
        try
        {
            upload = JsonSerializer.Deserialize<UploadBody>(body.Bytes, Json);
        }
        catch (JsonException)
        {
            upload = null;
        }

        if (upload?.Scans is null)
        {
            return Results.Problem(title: "The upload is not valid JSON of the form {\"scans\": [...]}.", statusCode: StatusCodes.Status400BadRequest);
        }

        http.Response.Headers.CacheControl = "no-store";
        return Results.Json(await mediator.Send(new UploadOfflineScans(listId, upload.Scans), cancellationToken), Json);
    }

    private sealed record UploadBody(IReadOnlyList<OfflineScanUpload>? Scans);
}
