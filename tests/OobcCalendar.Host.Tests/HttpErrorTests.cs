using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Testing;
using Shouldly;

namespace OobcCalendar.Host.Tests;

/// <summary>How errors reach HTTP callers: endpoints mapped by the test throw; signed-out callers are turned away.</summary>
public sealed class HttpErrorTests : IAsyncLifetime
{
    private OobcAppFactory app = default!;

    public async Task InitializeAsync()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("errors");
        app = new OobcAppFactory(connectionString, services: s => s.AddSingleton<IStartupFilter, ThrowingEndpoints>());
        app.Start();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task UserFacingError_WhenThrownByEndpoint_BecomesProblemDetailsWithItsStatus()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/test/not-found", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        body.ShouldContain("That booking does not exist.");
    }

    [Fact]
    public async Task ValidationError_WhenThrownByEndpoint_ListsFieldErrors()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/test/invalid", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        body.ShouldContain("\"Start\"");
        body.ShouldContain("Start must be before end.");
    }

    [Fact]
    public async Task UnexpectedError_WhenThrown_ShowsFriendlyPageWithoutStackTrace()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/test/crash", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        body.ShouldContain("Something went wrong");
        body.ShouldNotContain("InvalidOperationException");
        body.ShouldNotContain("secret internal detail");
        body.ShouldNotContain(" at ");
    }

    [Fact]
    public async Task UnknownPage_WhenRequested_ShowsFriendlyNotFound()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/no/such/page", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("find that page");
    }

    [Fact]
    public async Task ProtectedPage_WhenSignedOut_RedirectsToSignIn()
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri("/admin/users", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldStartWith("http://localhost/account/login");
        response.Headers.Location!.ToString().ShouldContain("ReturnUrl=%2Fadmin%2Fusers");
    }

    [Fact]
    public async Task ApiEndpoint_WhenSignedOut_Answers401ProblemDetailsNotTheSignInPage()
    {
        // A script (the calendar's feed fetch) cannot follow a redirect to an HTML form.
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri("/api/calendar/bookings?start=2026-12-01&end=2026-12-08", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.Location.ShouldBeNull();
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldContain("Sign in");
    }

    private sealed class ThrowingEndpoints : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.UseRouting();
            app.UseEndpoints(e =>
            {
                e.MapGet("/test/not-found", (HttpContext _) => { throw new NotFoundException("That booking does not exist."); });
                e.MapGet("/test/invalid", (HttpContext _) => { throw new InputValidationException(new Dictionary<string, string[]> { ["Start"] = ["Start must be before end."] }); });
                e.MapGet("/test/crash", (HttpContext _) => { throw new InvalidOperationException("secret internal detail"); });
            });
        };
    }
}
