using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Features.OccurrenceIndex;
using OobcCalendar.Modules.Scheduling.Persistence;
using OobcCalendar.Shared.Users;
using OobcCalendar.Testing;

namespace OobcCalendar.Modules.Scheduling.Tests.Features;

/// <summary>
/// The real host with only Scheduling on and its real sign-in (cookie, no test user): HTTP clients sign in
/// through the login form as demo users do. Events are written straight through the domain and the index writer.
/// </summary>
public sealed class FeedEndpointFixture() : ModuleFixture(new ModuleFixtureOptions("schedfeed", ["Scheduling"])
{
    FrozenAt = SchedulingFixture.Now,
    Identity = TestIdentity.HostUser,
})
{
    public Task<DirectoryUser> UserAsync(string email) => Task.FromResult(DemoUser(email));

    /// <summary>A client that keeps cookies and does not follow redirects, not signed in.</summary>
    public HttpClient Anonymous() => Anonymous(followRedirects: false);

    /// <summary>A client signed in as <paramref name="email"/> through the sign-in form (antiforgery token included).</summary>
    public Task<HttpClient> SignedInAsync(string email) => SignedInClientAsync(email);

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
}
