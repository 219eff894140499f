using System.Net;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Shared.Modules;
using Shouldly;
using Xunit.Abstractions;

namespace OobcCalendar.Host.Tests.Security;

/// <summary>
/// Every page route and every mapped endpoint, asked by an anonymous caller and by each role, against one table.
/// A route the table does not list fails the test: a new page or endpoint gets its expected answers written here.
/// Answers: a status code, "login" (sent to sign in) or "denied" (sent to the access-denied page).
/// </summary>
public sealed class AuthorizationMatrixTests(SecurityHostFixture fixture, ITestOutputHelper output) : IClassFixture<SecurityHostFixture>
{
    private const string Ok = "200";

    // Route template → (method, probe path, anonymous, Staff, Manager, Admin, CheckInDesk).
    private static readonly Dictionary<string, Row> Table = new(StringComparer.OrdinalIgnoreCase)
    {
        // Pages
        ["/"] = new("GET", "/", "login", Ok, Ok, Ok, Ok),
        ["/calendar"] = new("GET", "/calendar", "login", Ok, Ok, Ok, Ok),
        ["/directory"] = new("GET", "/directory", "login", Ok, Ok, Ok, Ok),
        ["/team"] = new("GET", "/team", "login", "denied", Ok, "denied", "denied"),
        ["/admin/users"] = new("GET", "/admin/users", "login", "denied", "denied", Ok, "denied"),
        ["/admin/system"] = new("GET", "/admin/system", "login", "denied", "denied", Ok, "denied"),
        ["/admin/integration-events"] = new("GET", "/admin/integration-events", "login", "denied", "denied", Ok, "denied"),
        ["/account/login"] = new("GET", "/account/login", Ok, Ok, Ok, Ok, Ok),
        ["/account/access-denied"] = new("GET", "/account/access-denied", Ok, Ok, Ok, Ok, Ok),
        ["/not-found"] = new("GET", "/not-found", Ok, Ok, Ok, Ok, Ok), // the 404 status comes from re-execution, not the page
        ["/error"] = new("GET", "/error", Ok, Ok, Ok, Ok, Ok), // likewise the 500
        ["/scheduling/export"] = new("GET", "/scheduling/export", "login", Ok, Ok, Ok, Ok),
        ["/scheduling/import"] = new("GET", "/scheduling/import", "login", Ok, Ok, Ok, "denied"),
        ["/resources"] = new("GET", "/resources", "login", Ok, Ok, Ok, "denied"),
        ["/resources/book/{ResourceId:guid}"] = new("GET", $"/resources/book/{Guid.Empty}", "login", Ok, Ok, Ok, "denied"),
        ["/resources/bookings"] = new("GET", "/resources/bookings", "login", Ok, Ok, Ok, "denied"),
        ["/resources/timeline"] = new("GET", "/resources/timeline", "login", Ok, Ok, Ok, "denied"),
        ["/resources/approvals"] = new("GET", "/resources/approvals", "login", "denied", Ok, Ok, "denied"),
        ["/approvals"] = new("GET", "/approvals", "login", "denied", Ok, Ok, "denied"),
        ["/attendance"] = new("GET", "/attendance", "login", Ok, Ok, Ok, Ok),
        ["/attendance/desk/{ListId:guid}"] = new("GET", $"/attendance/desk/{Guid.Empty}", "login", Ok, Ok, Ok, Ok), // the handler decides per list
        ["/attendance/door/{ListId:guid}"] = new("GET", $"/attendance/door/{Guid.Empty}", "login", Ok, Ok, Ok, Ok),
        ["/attendance/tickets/{ListId:guid}"] = new("GET", $"/attendance/tickets/{Guid.Empty}", "login", Ok, Ok, Ok, Ok),
        ["/attendance/checkin/{ListId:guid}"] = new("GET", $"/attendance/checkin/{Guid.Empty}", Ok, Ok, Ok, Ok, Ok), // guests check in at the door
        ["/attendance/event/{EventId:guid}"] = new("GET", $"/attendance/event/{Guid.Empty}", "login", Ok, Ok, Ok, "denied"),
        ["/attendance/reports"] = new("GET", "/attendance/reports", "login", Ok, Ok, Ok, "denied"), // trends only for managers and Admin, on the page
        ["/attendance/reports/event/{ListId:guid}"] = new("GET", $"/attendance/reports/event/{Guid.Empty}", "login", Ok, Ok, Ok, "denied"), // the handler decides per event
        ["/attendance/offline/{listId:guid}"] = new("GET", $"/attendance/offline/{Guid.Empty}", "login", Ok, Ok, Ok, Ok), // the shell; its list API decides per list
        ["/attendance/offline/sw.js"] = new("GET", "/attendance/offline/sw.js", Ok, Ok, Ok, Ok, Ok), // the scanner's service worker: no data
        ["/attendance/offline/manifest.webmanifest"] = new("GET", "/attendance/offline/manifest.webmanifest", Ok, Ok, Ok, Ok, Ok), // fetched without cookies
        ["/sharing"] = new("GET", "/sharing", "login", Ok, Ok, Ok, "denied"),
        ["/sharing/admin"] = new("GET", "/sharing/admin", "login", "denied", "denied", Ok, "denied"),
        ["/s/{Token}"] = new("GET", "/s/unknown-token", "404", "404", "404", "404", "404"), // public: "This link has expired" with 404, alike for unknown, revoked, paused and expired tokens (ADR 0032)
        ["/leave/approvals"] = new("GET", "/leave/approvals", "login", "denied", Ok, Ok, "denied"),
        ["/resources/utilisation"] = new("GET", "/resources/utilisation", "login", "denied", Ok, Ok, "denied"),
        ["/resources/manage"] = new("GET", "/resources/manage", "login", "denied", "denied", Ok, "denied"),
        ["/leave/reports"] = new("GET", "/leave/reports", "login", "denied", Ok, Ok, "denied"),
        ["/leave/whos-out"] = new("GET", "/leave/whos-out", "login", Ok, Ok, Ok, "denied"),
        ["/leave/manage"] = new("GET", "/leave/manage", "login", "denied", "denied", Ok, "denied"),
        ["/leave"] = new("GET", "/leave", "login", Ok, Ok, Ok, "denied"),
        ["/leave/request"] = new("GET", "/leave/request", "login", Ok, Ok, Ok, "denied"),
        ["/notifications"] = new("GET", "/notifications", "login", Ok, Ok, Ok, Ok), // everyone signed in has a bell
        ["/notifications/preferences"] = new("GET", "/notifications/preferences", "login", Ok, Ok, Ok, Ok),
        ["/notifications/mail"] = new("GET", "/notifications/mail", "login", "denied", "denied", Ok, "denied"),

        // Endpoints
        ["/health/live"] = new("GET", "/health/live", Ok, Ok, Ok, Ok, Ok),
        ["/health/ready"] = new("GET", "/health/ready", Ok, Ok, Ok, Ok, Ok),
        ["/account/logout"] = new("POST", "/account/logout", "400", "400", "400", "400", "400"), // no token: refused, nobody signed out
        ["/api/calendar/events"] = new("GET", "/api/calendar/events?start=2026-12-01&end=2026-12-08", "401", Ok, Ok, Ok, Ok),
        ["/api/calendar/bookings"] = new("GET", "/api/calendar/bookings?start=2026-12-01&end=2026-12-08", "401", Ok, Ok, Ok, Ok),
        ["/api/calendar/leave"] = new("GET", "/api/calendar/leave?start=2026-12-01&end=2026-12-08", "401", Ok, Ok, Ok, Ok),
        ["/api/calendar/holidays"] = new("GET", "/api/calendar/holidays?start=2026-12-01&end=2026-12-08", "401", Ok, Ok, Ok, Ok),
        ["/scheduling/calendar.ics"] = new("GET", "/scheduling/calendar.ics?start=2026-12-01&end=2026-12-08", "login", Ok, Ok, Ok, Ok),
        ["/share/{token}.ics"] = new("GET", "/share/unknown-token.ics", "404", "404", "404", "404", "404"), // public feed: unknown tokens answer 404 alike
        ["/scheduling/events/{id}.ics"] = new("GET", $"/scheduling/events/{Guid.Empty}.ics", "login", "404", "404", "404", "404"),
        ["/resources/utilisation.csv"] = new("GET", "/resources/utilisation.csv?from=2026-12-01&to=2026-12-08", "login", "denied", Ok, Ok, "denied"),
        ["/leave/reports/leave-taken.csv"] = new("GET", "/leave/reports/leave-taken.csv?from=2026-01&to=2026-12", "login", "denied", Ok, Ok, "denied"),
        ["/attendance/reports/event/{listId:guid}.csv"] = new("GET", $"/attendance/reports/event/{Guid.Empty}.csv", "login", "404", "404", "404", "denied"),
        ["/attendance/reports/event/{listId:guid}.xlsx"] = new("GET", $"/attendance/reports/event/{Guid.Empty}.xlsx", "login", "404", "404", "404", "denied"),
        ["/attendance/reports/trends.csv"] = new("GET", "/attendance/reports/trends.csv?from=2026-01-01&to=2026-12-31", "login", "denied", Ok, Ok, "denied"),
        ["/attendance/reports/trends.xlsx"] = new("GET", "/attendance/reports/trends.xlsx?from=2026-01-01&to=2026-12-31", "login", "denied", Ok, Ok, "denied"),
        ["/api/attendance/offline/{listId:guid}/list"] = new("GET", $"/api/attendance/offline/{Guid.Empty}/list", "401", "404", "404", "404", "404"),
        ["/api/attendance/offline/{listId:guid}/scans"] = new("POST", $"/api/attendance/offline/{Guid.Empty}/scans", "401", "400", "400", "400", "400"), // no antiforgery token: refused
        ["/leave/reports/leave-taken.xlsx"] = new("GET", "/leave/reports/leave-taken.xlsx?from=2026-01&to=2026-12", "login", "denied", Ok, Ok, "denied"),
    };

    private static readonly (string Role, string? Email)[] Callers =
    [
        ("Anonymous", null),
        ("Staff", "staff1@oobc.gov.ph"),
        ("Manager", "manager.ops@oobc.gov.ph"),
        ("Admin", "admin@oobc.gov.ph"),
        ("CheckInDesk", "desk1@oobc.gov.ph"),
    ];

    [Fact]
    public void Table_ListsEveryPageRouteAndEndpoint()
    {
        var routes = PageRoutes().Concat(EndpointRoutes()).ToHashSet(StringComparer.OrdinalIgnoreCase);

        routes.Except(Table.Keys, StringComparer.OrdinalIgnoreCase).ShouldBeEmpty("routes without an entry in the authorization table");
        Table.Keys.Except(routes, StringComparer.OrdinalIgnoreCase).ShouldBeEmpty("table entries for routes that no longer exist");
    }

    [Fact]
    public async Task EveryRoute_ForEveryCaller_AnswersAsTheTableSays()
    {
        var mismatches = new StringBuilder();
        foreach (var (role, email) in Callers)
        {
            using var client = email is null ? new CookieClient(fixture.App) : await CookieClient.SignedInAsync(fixture.App, email);
            foreach (var (route, row) in Table)
            {
                using var request = new HttpRequestMessage(new HttpMethod(row.Method), new Uri(row.Probe, UriKind.Relative));
                if (row.Method == "POST")
                {
                    request.Content = new FormUrlEncodedContent([]);
                }

                using var response = await client.Http.SendAsync(request);
                var actual = Outcome(response);
                var expected = row.For(role);
                if (actual != expected)
                {
                    mismatches.AppendLine($"{role,-12} {row.Method} {route}: expected {expected}, got {actual}");
                }
            }
        }

        output.WriteLine(mismatches.ToString());
        mismatches.ToString().ShouldBeEmpty();
    }

    [Fact]
    public void Navigation_ForEveryRole_OffersOnlyPagesThatRoleMayOpen()
    {
        var rolesOf = new Dictionary<string, string[]>
        {
            ["Staff"] = ["Staff"], ["Manager"] = ["Manager", "Staff"], ["Admin"] = ["Admin", "Staff"], ["CheckInDesk"] = ["CheckInDesk"],
        };
        var wrong = new List<string>();
        foreach (var item in fixture.App.Services.GetRequiredService<ModuleCatalog>().Navigation)
        {
            if (!Table.TryGetValue(item.Href, out var row))
            {
                wrong.Add($"{item.Href}: not in the table");
                continue;
            }

            foreach (var (role, roles) in rolesOf)
            {
                var shown = item.IsVisibleTo(roles.Contains);
                if (shown != (row.For(role) == Ok))
                {
                    wrong.Add($"{role} {item.Href}: drawer {(shown ? "shows" : "hides")} it, page answers {row.For(role)}");
                }
            }
        }

        wrong.ShouldBeEmpty();
    }

    private static string Outcome(HttpResponseMessage response)
    {
        if ((int)response.StatusCode is >= 300 and < 400)
        {
            var path = response.Headers.Location?.IsAbsoluteUri == true ? response.Headers.Location.AbsolutePath : response.Headers.Location?.OriginalString.Split('?')[0];
            return path switch
            {
                "/account/login" => "login",
                "/account/access-denied" => "denied",
                _ => $"{(int)response.StatusCode} {path}",
            };
        }

        return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private IEnumerable<string> PageRoutes() =>
        fixture.App.Services.GetRequiredService<ModuleCatalog>().PageAssemblies
            .Append(typeof(OobcCalendar.Host.Components.App).Assembly)
            .Distinct()
            .SelectMany(a => a.GetTypes())
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => r.Template);

    // Mapped endpoints that are not pages (those are above), the framework's own (/_blazor, /_framework) or files
    // (static assets, and Development's file fallback "{**path:file}").
    private IEnumerable<string> EndpointRoutes() =>
        fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is null)
            .Where(e => !e.Metadata.Any(m => m.GetType().Name.Contains("StaticAsset", StringComparison.Ordinal)))
            .Select(e => "/" + (e.RoutePattern.RawText ?? string.Empty).TrimStart('/'))
            .Where(p => !p.StartsWith("/_", StringComparison.Ordinal) && !p.Contains(":file}", StringComparison.Ordinal))
            .Distinct();

    private sealed record Row(string Method, string Probe, string Anonymous, string Staff, string Manager, string Admin, string Desk)
    {
        public string For(string role) => role switch
        {
            "Anonymous" => Anonymous,
            "Staff" => Staff,
            "Manager" => Manager,
            "Admin" => Admin,
            _ => Desk,
        };
    }
}
