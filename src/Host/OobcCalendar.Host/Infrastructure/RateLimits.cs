using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using OobcCalendar.Modules.Sharing.Contracts;

namespace OobcCalendar.Host.Infrastructure;

/// <summary>
/// Named rate-limit policies (ASP.NET Core's built-in limiter): sign-in attempts per client address, calendar feeds
/// and downloads per signed-in user. Limits come from <c>RateLimits:{SignIn,Feeds,Exports}:{PermitLimit,Window}</c>.
/// </summary>
internal static class RateLimits
{
    /// <summary>Posting the sign-in form, per client address.</summary>
    public const string SignIn = "sign-in";

    /// <summary>JSON calendar feeds under <c>/api/calendar/</c>, per user.</summary>
    public const string Feeds = "feeds";

    /// <summary>.ics and .csv downloads, per user.</summary>
    public const string Exports = "exports";

    private static readonly PathString FeedPrefix = "/api/calendar";

    private static readonly PathString ShareFeedPrefix = SharingModuleContract.FeedPrefix;

    private static readonly PathString SharePagePrefix = SharingModuleContract.PagePrefix;

    internal static IServiceCollection AddOobcRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var signIn = Read(configuration, "SignIn", 10);
        var feeds = Read(configuration, "Feeds", 300);
        var exports = Read(configuration, "Exports", 30);
        var shareToken = Read(configuration, "ShareToken", 120);
        var shareAddress = Read(configuration, "ShareAddress", 300);
        return services.AddRateLimiter(o =>
        {
            // Anonymous share links (feed and public page): both a budget per token (a leaked link polled hard) and one
            // per client address (someone trying tokens), chained so either refuses with the same 429.
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(c => SharedToken(c) is { } token
                    ? RateLimitPartition.GetFixedWindowLimiter("share-token:" + token, _ => shareToken)
                    : RateLimitPartition.GetNoLimiter(string.Empty)),
                PartitionedRateLimiter.Create<HttpContext, string>(c => SharedToken(c) is not null
                    ? RateLimitPartition.GetFixedWindowLimiter("share-address:" + ClientAddress(c), _ => shareAddress)
                    : RateLimitPartition.GetNoLimiter(string.Empty)));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only the POST is an attempt: showing the form again (after a failure, a redirect) costs nothing.
            o.AddPolicy(SignIn, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter("address:" + ClientAddress(context), _ => signIn)
                : RateLimitPartition.GetNoLimiter("form"));
            o.AddPolicy(Feeds, context => RateLimitPartition.GetFixedWindowLimiter(UserKey(context), _ => feeds));
            o.AddPolicy(Exports, context => RateLimitPartition.GetFixedWindowLimiter(UserKey(context), _ => exports));
            o.OnRejected = RejectAsync;
        });
    }

    /// <summary>
    /// Endpoint convention for the modules' endpoints, by path, so a module's new feed or download is limited
    /// without remembering to: <c>/api/calendar/*</c> are feeds, <c>*.ics</c>, <c>*.csv</c> and <c>*.xlsx</c> are exports.
    /// </summary>
    internal static void ByPath(EndpointBuilder endpoint)
    {
        if (endpoint is not RouteEndpointBuilder route || route.Metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            return;
        }

        var path = "/" + (route.RoutePattern.RawText ?? string.Empty).TrimStart('/');
        if (new PathString(path).StartsWithSegments(ShareFeedPrefix))
        {
            // Anonymous share feeds have their own limits per token and address (the global limiter above); a
            // DisableRateLimiting here would switch that off too.
            return;
        }

        if (new PathString(path).StartsWithSegments(FeedPrefix))
        {
            route.Metadata.Add(new EnableRateLimitingAttribute(Feeds));
        }
        else if (path.EndsWith(".ics", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
                 || path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            route.Metadata.Add(new EnableRateLimitingAttribute(Exports));
        }
    }

    private static FixedWindowRateLimiterOptions Read(IConfiguration configuration, string name, int defaultLimit)
    {
        var section = configuration.GetSection($"RateLimits:{name}");
        return new FixedWindowRateLimiterOptions
        {
            PermitLimit = section.GetValue("PermitLimit", defaultLimit),
            Window = section.GetValue("Window", TimeSpan.FromMinutes(1)),
            QueueLimit = 0,
        };
    }

    /// <summary>The token segment of a share feed or public page request, else null.</summary>
    internal static string? SharedToken(HttpContext context)
    {
        var path = context.Request.Path;
        if (!path.StartsWithSegments(ShareFeedPrefix, out var rest) && !path.StartsWithSegments(SharePagePrefix, out rest))
        {
            return null;
        }

        var segment = rest.Value?.TrimStart('/').Split('/')[0] ?? string.Empty;
        return segment.EndsWith(".ics", StringComparison.OrdinalIgnoreCase) ? segment[..^4] : segment.Length > 0 ? segment : null;
    }

    // Behind the proxy this is the forwarded client address (see ForwardedHeaders in HostPipeline).
    private static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static string UserKey(HttpContext context) =>
        context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? "user:" + id : "address:" + ClientAddress(context);

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var message = $"Too many requests. Try again in {seconds} second{(seconds == 1 ? string.Empty : "s")}.";
        if (context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
        {
            // A browser form post or download link: a small page rather than JSON the user cannot read.
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(
                $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Too many requests · OobcCalendar</title></head>"
                + $"<body><h1>Too many requests</h1><p>{WebUtility.HtmlEncode(message)}</p><p><a href=\"/\">Back to OobcCalendar</a></p></body></html>",
                cancellationToken);
            return;
        }

        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests", Detail = message },
        });
    }
}
