using System.Net;
using System.Text.Json;
using OobcCalendar.Host.Identity;
using OobcCalendar.Testing;
using Shouldly;

namespace OobcCalendar.Host.Tests;

public sealed class HealthEndpointTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Live_WhenHostRuns_Returns200()
    {
        using var client = fixture.App.CreateClient();

        var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Ready_WhenDatabaseAndSchedulerUp_ReportsBothHealthy()
    {
        // The checks' details are for an Admin only (issue 9): anonymous callers see the status alone.
        using var client = fixture.App.CreateClient();
        await client.SignInAsync("admin@oobc.gov.ph", DemoData.Password);

        // Quartz starts the clustered scheduler in the background once the application has started, so for a
        // moment after start-up "not ready" is the truthful answer; a deployment's probe asks again, and so does this.
        HttpResponseMessage? response = null;
        await Eventually.UntilAsync(
            async () =>
            {
                response?.Dispose();
                response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                return response.StatusCode == HttpStatusCode.OK;
            },
            TimeSpan.FromSeconds(30),
            "/health/ready to answer 200",
            async () => await response!.Content.ReadAsStringAsync());
        using var _ = response;
        using var body = JsonDocument.Parse(await response!.Content.ReadAsStringAsync());

        var checks = body.RootElement.GetProperty("checks");
        checks.GetProperty("postgresql").GetProperty("status").GetString().ShouldBe("Healthy");
        checks.GetProperty("scheduler").GetProperty("status").GetString().ShouldBe("Healthy");
    }
}
