using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OobcCalendar.Host.Components;
using OobcCalendar.Host.Identity;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Host.Infrastructure;

/// <summary>Start-up steps and the HTTP pipeline.</summary>
public static class HostPipeline
{
    /// <summary>Migrates every schema (one host at a time) and seeds roles, plus demo data when <c>Seed:Demo</c> is on.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(app.Lifetime.ApplicationStopping);
        var demo = app.Configuration.GetValue("Seed:Demo", false);
        await app.Services.GetRequiredService<DemoData>().SeedAsync(demo, app.Lifetime.ApplicationStopping);
        if (demo)
        {
            foreach (var seeder in app.Services.GetServices<IDemoDataSeeder>())
            {
                await seeder.SeedAsync(app.Lifetime.ApplicationStopping);
            }
        }
    }

    /// <summary>Middleware and endpoints. No developer exception page anywhere: users never see a stack trace.</summary>
    public static WebApplication UseOobcPipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseOobcForwardedHeaders(app.Configuration);
        app.UseOobcSecurityHeaders();
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseOobcCircuitOrigins(app.Configuration);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.MapStaticAssets();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteHealthAsync });

        AccountEndpoints.Map(app);

        var catalog = app.Services.GetRequiredService<ModuleCatalog>();
        var moduleEndpoints = app.MapGroup(string.Empty);
        ((IEndpointConventionBuilder)moduleEndpoints).Add(RateLimits.ByPath);
        foreach (var module in catalog.Modules)
        {
            module.MapEndpoints?.Invoke(moduleEndpoints);
        }

        var modules = catalog.PageAssemblies
            .Where(a => a != typeof(App).Assembly)
            .ToArray();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .AddAdditionalAssemblies(modules);
        return app;
    }

    // Anyone (a load balancer, a monitor) may ask whether the host is ready; only an Admin reads which checks ran and
    // what they said (machine names, start times), as on the System status page.
    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        object body = context.User.IsInRole(Roles.Admin)
            ? new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
            }
            : new { status = report.Status.ToString() };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
