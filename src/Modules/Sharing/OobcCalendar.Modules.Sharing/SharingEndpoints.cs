using System.Text;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using OobcCalendar.Modules.Sharing.Contracts;
using OobcCalendar.Modules.Sharing.Features.Feeds;

namespace OobcCalendar.Modules.Sharing;

/// <summary>The anonymous ICS subscription feed of a link: <c>/share/{token}.ics</c> (and the same as <c>webcal://</c>).</summary>
internal static class SharingEndpoints
{
    /// <summary>
    /// Every poll revalidates (a change shows at the next poll; a revoked link stops at once) and costs a 304 when nothing
    /// changed; <c>private</c> keeps shared caches from holding a feed. <c>max-age=0, must-revalidate</c> rather than
    /// <c>no-cache</c>: Outlook's WinINet stores nothing marked no-cache, so it would never send If-None-Match (ADR 0033).
    /// </summary>
    public const string FeedCacheControl = "private, max-age=0, must-revalidate";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        // HEAD too: some subscribers (Outlook.com) check the address with it before the first GET.
        endpoints.MapMethods(SharingModuleContract.FeedPrefix + "/{token}.ics", [HttpMethods.Get, HttpMethods.Head], ReadFeedAsync).AllowAnonymous();
    }

    private static async Task<IResult> ReadFeedAsync(
        string token, string? pin, HttpContext context, IMediator mediator, ShareCalendarComposer composer, ShareFeedCache cache, TimeProvider clock, CancellationToken cancellationToken)
    {
        ShareAccess access;
        try
        {
            access = await mediator.Send(new OpenShareLink(token, pin, MayUseCache: true), cancellationToken);
        }
        catch (ShareUnavailableException)
        {
            // The same answer for unknown, paused, revoked and expired tokens; nothing cached anywhere.
            context.Response.Headers.CacheControl = "no-store";
            return Results.Text(ShareUnavailableException.Text, "text/plain", Encoding.UTF8, StatusCodes.Status404NotFound);
        }
        catch (SharePinRequiredException e)
        {
            context.Response.Headers.CacheControl = "no-store";
            return Results.Text(e.Message, "text/plain", Encoding.UTF8, StatusCodes.Status401Unauthorized);
        }

        // Composed once per change for every poller (the first request composes, the others wait for it).
        var feed = await cache.GetAsync(access, clock.GetUtcNow(), () => composer.ComposeAsync(access, CancellationToken.None));
        var gzip = AcceptsGzip(context.Request);
        var headers = context.Response.GetTypedHeaders();
        headers.ETag = EntityTagHeaderValue.Parse(feed.ETag);
        headers.LastModified = feed.LastModified;
        context.Response.Headers.CacheControl = FeedCacheControl;
        context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
        if (NotModified(context.Request, feed))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        if (gzip)
        {
            context.Response.Headers.ContentEncoding = "gzip";
        }

        return Results.Bytes(gzip ? feed.Gzipped : feed.Body, "text/calendar; charset=utf-8");
    }

    private static bool NotModified(HttpRequest request, ShareFeed feed)
    {
        var typed = request.GetTypedHeaders();
        if (typed.IfNoneMatch is { Count: > 0 } tags)
        {
            // RFC 9110 13.1.2: If-None-Match compares weakly.
            var ours = EntityTagHeaderValue.Parse(feed.ETag);
            return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(ours, useStrongComparison: false));
        }

        return typed.IfModifiedSince is { } since && feed.LastModified <= since;
    }

    private static bool AcceptsGzip(HttpRequest request) =>
        request.GetTypedHeaders().AcceptEncoding.Any(e => e.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) && e.Quality is not 0);
}
