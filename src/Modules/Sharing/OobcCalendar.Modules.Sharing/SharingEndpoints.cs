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
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(SharingModuleContract.FeedPrefix + "/{token}.ics", ReadFeedAsync).AllowAnonymous();
    }

    private static async Task<IResult> ReadFeedAsync(
        string token, string? pin, HttpContext context, IMediator mediator, ShareCalendarComposer composer, ShareFeedCache cache, TimeProvider clock, CancellationToken cancellationToken)
    {
        ShareAccess access;
        try
        {
            access = await mediator.Send(new OpenShareLink(token, pin), cancellationToken);
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

        var feed = await cache.GetAsync(access.LinkId, clock.GetUtcNow(), () => composer.ComposeAsync(access, cancellationToken));
        var headers = context.Response.GetTypedHeaders();
        headers.ETag = EntityTagHeaderValue.Parse(feed.ETag);
        headers.LastModified = feed.LastModified;
        // Every poll revalidates (a revoked link must stop at once); an unchanged feed costs a 304.
        context.Response.Headers.CacheControl = "private, no-cache";
        if (NotModified(context.Request, feed))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Text(feed.Text, "text/calendar", Encoding.UTF8);
    }

    private static bool NotModified(HttpRequest request, ShareFeed feed)
    {
        var typed = request.GetTypedHeaders();
        if (typed.IfNoneMatch is { Count: > 0 } tags)
        {
            return tags.Any(t => t.Tag == "*" || t.Tag.ToString() == feed.ETag);
        }

        return typed.IfModifiedSince is { } since && feed.LastModified <= since;
    }
}
