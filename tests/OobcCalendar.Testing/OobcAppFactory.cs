using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace OobcCalendar.Testing;

/// <summary>
/// The real host on a real database, optionally on a real Kestrel port (for browsers and for several
/// hosts side by side). Extra configuration and service overrides come from the test.
/// </summary>
public sealed class OobcAppFactory(
    string connectionString,
    IReadOnlyDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? services = null,
    bool useKestrel = false,
    bool validateOnBuild = true) : WebApplicationFactory<Program>
{
    /// <summary>The connection string of this host's database.</summary>
    public string ConnectionString => connectionString;

    /// <summary>http://127.0.0.1:PORT when started with Kestrel.</summary>
    public Uri? ServerAddress { get; private set; }

    /// <summary>Starts Kestrel (if requested) and returns the address.</summary>
    public Uri Start()
    {
        if (!useKestrel)
        {
            _ = Server;
            return new Uri("http://localhost");
        }

        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        ServerAddress = new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return ServerAddress;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");

        // Development validates every registration at start-up. The source-generated mediator registers the handlers
        // of every module, switched on or not, so a host with a module off cannot pass that check: ModuleFixture
        // turns it off then (scopes are still validated), as a production host never runs it.
        builder.UseDefaultServiceProvider(o =>
        {
            o.ValidateScopes = true;
            o.ValidateOnBuild = validateOnBuild;
        });

        // Explicit, so hosts started from a console program (build/bench.sh) find wwwroot without the
        // manifest Mvc.Testing writes into test projects only.
        builder.UseContentRoot(System.IO.Path.Combine(RepositoryRoot.Path, "src", "Host", "OobcCalendar.Host"));
        var values = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = connectionString,
            ["Seed:Demo"] = "true",
            // Leave's demo requests and credits belong to the demo people the tests file leave for; its own tests turn it on.
            ["Seed:DemoLeave"] = "false",
            ["Outbox:PollInterval"] = "00:00:00.200",
            ["Outbox:BaseRetryDelay"] = "00:00:00.050",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        // UseSetting, not ConfigureAppConfiguration: Program reads configuration while registering services,
        // before the factory's app-configuration callbacks run under minimal hosting.
        foreach (var (key, value) in values)
        {
            builder.UseSetting(key, value);
        }
        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }
}
