using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace OobcCalendar.Host.Infrastructure;

/// <summary>
/// X-Forwarded-For/Proto are believed only from the reverse proxy: <c>ForwardedHeaders:KnownProxies</c> (addresses)
/// and <c>ForwardedHeaders:KnownNetworks</c> (CIDR). Unset, the headers are ignored, so no client can pretend to
/// come from another address (rate limits) or over HTTPS. Replaces ASPNETCORE_FORWARDEDHEADERS_ENABLED, which
/// trusts every sender.
/// </summary>
internal static class ProxyTrust
{
    public static IApplicationBuilder UseOobcForwardedHeaders(this IApplicationBuilder app, IConfiguration configuration)
    {
        var proxies = configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [];
        if (proxies.Length == 0 && networks.Length == 0)
        {
            return app;
        }

        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in networks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }

        return app.UseForwardedHeaders(options);
    }
}
