using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.Users;
using OobcCalendar.Testing;
using Shouldly;

namespace OobcCalendar.Host.Tests;

/// <summary>
/// The combined calendar with Scheduling switched off: the page knows no module, so it must still open and show the
/// feeds that are left (resource bookings), read-only, without Scheduling's quick add or create button.
/// </summary>
public sealed class CalendarWithoutSchedulingTests : IAsyncLifetime
{
    private const string DemoPassword = "Oobc!Demo2026";
    private OobcAppFactory app = default!;

    public async Task InitializeAsync()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("nosched");
        app = new OobcAppFactory(connectionString, new Dictionary<string, string?> { ["Modules:Scheduling:Enabled"] = "false", ["Scheduler:Enabled"] = "false" });
        app.Start();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task CalendarPage_WhenSchedulingIsOff_ThenOpensWithTheBookingsFeedOnly()
    {
        app.Services.GetRequiredService<ModuleCatalog>().IsEnabled("Scheduling").ShouldBeFalse();
        using var client = await SignedInAsync("staff1@oobc.gov.ph");

        using var response = await client.GetAsync(new Uri("/calendar", UriKind.Relative));
        var page = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.ShouldNotContain("This page hit a problem");
        page.ShouldContain("data-testid=\"calendar-legend\"");
        page.ShouldContain("data-testid=\"legend-bookings\"");
        page.ShouldNotContain("data-testid=\"legend-events\"");
        page.ShouldNotContain("data-testid=\"quick-add\"");
        page.ShouldNotContain("data-testid=\"new-event\"");
    }

    [Fact]
    public async Task BookingsFeed_WhenSchedulingIsOff_ThenAnswersTheUsersBookings()
    {
        var staff = (await app.Services.GetRequiredService<IUserDirectory>().SearchAsync("staff1@oobc.gov.ph", 5, CancellationToken.None)).Single(u => u.Email == "staff1@oobc.gov.ph");
        var bookingId = await InsertApprovedBookingAsync(staff.Id, new DateTimeOffset(2027, 3, 10, 1, 0, 0, TimeSpan.Zero));
        using var client = await SignedInAsync(staff.Email);

        using var response = await client.GetAsync(new Uri("/api/calendar/bookings?start=2027-03-01&end=2027-04-01", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        var entry = json.RootElement.EnumerateArray().Single(e => e.GetProperty("id").GetString() == $"booking:{bookingId}");
        entry.GetProperty("title").GetString().ShouldEndWith(": Without scheduling");
        entry.GetProperty("editable").GetBoolean().ShouldBeFalse();
        entry.GetProperty("extendedProps").GetProperty("kind").GetString().ShouldBe("booking");
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true });
        await client.SignInAsync(email, DemoPassword);
        return client;
    }

    // Resources' commands are internal to it; a row in its table is the booking its own feed reads.
    private async Task<Guid> InsertApprovedBookingAsync(Guid requesterId, DateTimeOffset start)
    {
        var id = Guid.NewGuid();
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO resources.bookings (id, resource_id, requester_id, attendee_ids, start, "end", blocked_start, blocked_end, purpose, status, created_at)
            SELECT @id, r.id, @requester, '{}', @start, @end, @start, @end, 'Without scheduling', 'Approved', now()
            FROM resources.resources r ORDER BY r.name LIMIT 1
            """,
            connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("requester", requesterId);
        command.Parameters.AddWithValue("start", start);
        command.Parameters.AddWithValue("end", start.AddHours(1));
        (await command.ExecuteNonQueryAsync()).ShouldBe(1);
        return id;
    }
}
