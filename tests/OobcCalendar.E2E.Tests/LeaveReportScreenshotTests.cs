using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Npgsql;
using static Microsoft.Playwright.Assertions;

namespace OobcCalendar.E2E.Tests;

/// <summary>The leave report page at desktop and phone size, with approved leave of two fresh people in it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LeaveReportScreenshotTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task LeaveReportsPage_WhenAdminOpensIt_ShowsTheRowsAndDownloads(string size)
    {
        var name = $"Report Person {size}";
        var email = await fixture.CreateFreshUserAsync(name);
        await SeedLeaveAsync(email);
        var viewport = size == "phone" ? BrowserFixture.Phone : BrowserFixture.Desktop;
        var (context, page) = await fixture.NewSignedInPageAsync("admin@oobc.gov.ph", "/leave/reports", viewport);
        await using var _ = context;

        await Expect(page.GetByTestId("report-table")).ToContainTextAsync(name);
        await Expect(page.GetByTestId("download-xlsx")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"^/leave/reports/leave-taken\.xlsx\?from="));
        if (size == "phone")
        {
            await page.WaitForDrawerClosedAsync();
        }

        var path = Path.Combine(fixture.ScreenshotFolder, $"leave-reports-{size}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Animations = ScreenshotAnimations.Disabled });
        new FileInfo(path).Length.ShouldBeGreaterThan(0);
    }

    /// <summary>Two approved vacation leaves of the person in the first months of this year (rows as Leave stores them).</summary>
    private async Task SeedLeaveAsync(string email)
    {
        var data = fixture.Services.GetRequiredService<NpgsqlDataSource>();
        await using var command = data.CreateCommand(
            """
            INSERT INTO leave.leave_requests (id, person_id, leave_type_id, first_day, last_day, first_day_part, last_day_part, held_from, held_until,
                days, reason, status, stage, needs_second_approval, created_at, decided_by, decided_at)
            SELECT gen_random_uuid(), u.id, t.id, d.first, d.first + 1, 'Full', 'Full', d.first::timestamp, (d.first + 2)::timestamp,
                2, 'Screenshot', 'Approved', 'Manager', false, now(), u.id, now()
            FROM identity.users u
            CROSS JOIN (SELECT id FROM leave.leave_types WHERE code = 'VL') t
            CROSS JOIN (VALUES (make_date(extract(year FROM now())::int, 1, 13)), (make_date(extract(year FROM now())::int, 2, 17))) AS d(first)
            WHERE u.email = @email
            """);
        command.Parameters.AddWithValue("email", email);
        (await command.ExecuteNonQueryAsync()).ShouldBe(2);
    }
}
