using System.Net;
using OobcCalendar.Testing;
using Shouldly;

namespace OobcCalendar.Host.Tests.Security;

/// <summary>Finding 7: sign-in attempts are limited per client address (its own host: every sign-in counts).</summary>
public sealed class SignInRateLimitTests : IAsyncLifetime
{
    private const int Limit = 3;
    private OobcAppFactory app = default!;

    public async Task InitializeAsync()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("signinlimit");
        app = new OobcAppFactory(connectionString, settings: new Dictionary<string, string?>
        {
            ["RateLimits:SignIn:PermitLimit"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RateLimits:SignIn:Window"] = "00:10:00",
        });
        app.Start();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task SignIn_WhenAddressPostsMoreThanTheLimit_Answers429PageWithRetryAfter()
    {
        using var client = new CookieClient(app);
        var form = await client.Http.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        var token = await client.AntiforgeryTokenAsync();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = default!;
        for (var attempt = 0; attempt <= Limit; attempt++)
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["_handler"] = "login", ["Input.Email"] = "staff1@oobc.gov.ph", ["Input.Password"] = "wrong",
            });
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/account/login", UriKind.Relative)) { Content = content };
            request.Headers.Accept.ParseAdd("text/html");
            last = await client.Http.SendAsync(request);
            statuses.Add(last.StatusCode);
        }

        form.ShouldContain("Sign in");
        statuses.Take(Limit).ShouldAllBe(s => s == HttpStatusCode.OK);
        statuses[Limit].ShouldBe(HttpStatusCode.TooManyRequests);
        last.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeGreaterThan(0);
        (await last.Content.ReadAsStringAsync()).ShouldContain("Too many requests. Try again in");
        // Showing the form is not an attempt.
        (await client.Http.GetAsync(new Uri("/account/login", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
