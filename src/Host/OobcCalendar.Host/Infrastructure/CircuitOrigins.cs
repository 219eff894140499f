namespace OobcCalendar.Host.Infrastructure;

/// <summary>
/// The Blazor hub (<c>/_blazor</c>: negotiate, WebSocket upgrade, long polling) answers only pages of this app. A
/// WebSocket is not bound by CORS, so without this check a foreign page could open a circuit with the user's cookie
/// (cross-site WebSocket hijacking). Allowed: this request's own origin, plus <c>Security:AllowedOrigins</c>.
/// Requests without an Origin (not a browser) are left alone: only browsers send cookies on someone else's behalf.
/// </summary>
internal static class CircuitOrigins
{
    private static readonly PathString Hub = "/_blazor";

    public static IApplicationBuilder UseOobcCircuitOrigins(this IApplicationBuilder app, IConfiguration configuration)
    {
        var configured = (configuration.GetSection("Security:AllowedOrigins").Get<string[]>() ?? [])
            .Select(o => o.TrimEnd('/'))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return app.Use((context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments(Hub) || !context.Request.Headers.TryGetValue("Origin", out var origin))
            {
                return next(context);
            }

            var own = $"{context.Request.Scheme}://{context.Request.Host}";
            if (string.Equals(origin, own, StringComparison.OrdinalIgnoreCase) || configured.Contains(origin.ToString()))
            {
                return next(context);
            }

            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        });
    }
}
