using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Features.OccurrenceIndex;
using OobcCalendar.Modules.Scheduling.Persistence;
using OobcCalendar.Shared.Users;
using OobcCalendar.Testing;

namespace OobcCalendar.Modules.Scheduling.Tests.Features;

/// <summary>
/// The real host with its real sign-in (cookie, no test user): HTTP clients sign in through the login form as demo
/// users do. Events are written straight through the domain and the index writer.
/// </summary>
public sealed partial class FeedEndpointFixture : IAsyncLifetime
{
    public const string DemoPassword = "Oobc!Demo2026";

    public FakeTimeProvider Clock { get; } = new(SchedulingFixture.Now.ToUniversalTime());

    public OobcAppFactory App { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("schedfeed");
        App = new OobcAppFactory(
            connectionString,
            new Dictionary<string, string?> { ["Scheduler:Enabled"] = "false", ["Seed:Demo"] = "true" },
            services => services.AddSingleton<TimeProvider>(Clock));
        App.Start();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    public async Task<DirectoryUser> UserAsync(string email) =>
        (await App.Services.GetRequiredService<IUserDirectory>().SearchAsync(email, 5, CancellationToken.None)).Single(u => u.Email == email);

    /// <summary>A client that keeps cookies and does not follow redirects, not signed in.</summary>
    public HttpClient Anonymous() => App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in as <paramref name="email"/> through the sign-in form (antiforgery token included).</summary>
    public async Task<HttpClient> SignedInAsync(string email)
    {
        var client = Anonymous();
        var page = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.Email"] = email,
            ["Input.Password"] = DemoPassword,
        });
        using var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), form);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}");
        }

        return client;
    }

    /// <summary>Saves an event organised by <paramref name="organizer"/> with its index rows, as the handlers do.</summary>
    internal async Task<Guid> CreateAsync(DirectoryUser organizer, EventDraft draft)
    {
        var now = Clock.GetUtcNow();
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<SchedulingDbContext>>().CreateDbContextAsync();
        var e = CalendarEvent.Create(Guid.CreateVersion7(), draft, organizer.Id, organizer.OrganisationUnitId, now);
        db.Events.Add(e);
        await OccurrenceIndexWriter.SaveAsync(db, [e], now, CancellationToken.None);
        return e.Id;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
