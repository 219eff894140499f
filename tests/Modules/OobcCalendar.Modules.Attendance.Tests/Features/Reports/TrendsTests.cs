using System.Text;
using MiniExcelLibs;
using OobcCalendar.Modules.Attendance.Features.Reports;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Exports;
using Shouldly;

namespace OobcCalendar.Modules.Attendance.Tests.Features.Reports;

/// <summary>
/// Three events around the turn of January 2027 in Manila (E2 at 00:30 on 1 February is still 31 January in UTC), one in
/// March outside the range. Operations: the organizer and staff 1; Programs: staff 4 and 5.
/// E1 Meeting 31 Jan 23:30: organizer ✓, staff 1 ✓, staff 4 ✗.
/// E2 Training 1 Feb 00:30: organizer ✗, staff 1 ✗, staff 4 ✗, staff 5 ✓.
/// E3 Training 10 Feb 09:00: organizer ✓, staff 1 ✓, staff 4 ✗.
/// </summary>
[Collection(AttendanceCollection.Name)]
public sealed class TrendsTests(AttendanceFixture fixture) : IAsyncLifetime
{
    private static readonly DateOnly From = new(2027, 1, 1);
    private static readonly DateOnly To = new(2027, 2, 28);

    private readonly ReportScenario scenario = new(fixture);

    private static bool arranged;

    public async Task InitializeAsync()
    {
        // The collection's database is shared by the class's tests: arrange the events once.
        if (arranged)
        {
            return;
        }

        arranged = true;
        var (s1, s4, s5, organizer) = (fixture.StaffNo(1), fixture.StaffNo(4), fixture.StaffNo(5), fixture.Organizer);
        var e1 = await scenario.PastEventAsync(new DateTime(2027, 1, 31, 23, 30, 0), ReportScenario.Meeting, s1, s4);
        await scenario.ArrivedAsync(e1.ListId, e1.StartUtc, organizer, 0);
        await scenario.ArrivedAsync(e1.ListId, e1.StartUtc, s1, 4);
        var e2 = await scenario.PastEventAsync(new DateTime(2027, 2, 1, 0, 30, 0), ReportScenario.Training, s1, s4, s5);
        await scenario.ArrivedAsync(e2.ListId, e2.StartUtc, s5, 40);
        var e3 = await scenario.PastEventAsync(new DateTime(2027, 2, 10, 9, 0, 0), ReportScenario.Training, s1, s4);
        await scenario.ArrivedAsync(e3.ListId, e3.StartUtc, organizer, -5);
        await scenario.ArrivedAsync(e3.ListId, e3.StartUtc, s1, 1);
        await scenario.PastEventAsync(new DateTime(2027, 3, 1, 9, 0, 0), ReportScenario.Training, s4);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<AttendanceTrends> TrendsAs(Shared.Users.DirectoryUser user, Guid? unit = null, Guid? category = null, int missed = 2, int of = 3) =>
        fixture.SendAs<AttendanceTrends>(user, new GetAttendanceTrends(From, To, unit, category, missed, of));

    [Fact]
    public async Task GetAttendanceTrends_WhenAdminAsks_ThenRatePerUnitAndManilaMonth()
    {
        var trends = await TrendsAs(fixture.Admin);

        trends.UnitMonths.Select(u => (u.Month.ToString("yyyy-MM"), u.UnitName, u.Figures.Events, u.Figures.Expected, u.Figures.Attended)).ShouldBe(
        [
            ("2027-01", "Operations Division", 1, 2, 2),
            ("2027-01", "Programs Division", 1, 1, 0),
            ("2027-02", "Operations Division", 2, 4, 2),
            ("2027-02", "Programs Division", 2, 3, 1),
        ]);
        trends.Months.Select(m => (m.Month.Month, m.Figures.Expected, m.Figures.Attended)).ShouldBe([(1, 3, 2), (2, 7, 3)]);
        trends.Total.ShouldBe(new Figures(3, 10, 5));
        trends.Total.Rate.ShouldBe(0.5);
    }

    [Fact]
    public async Task GetAttendanceTrends_WhenGroupedByCategory_ThenMeetingAndTrainingApart()
    {
        var trends = await TrendsAs(fixture.Admin);
        var training = await TrendsAs(fixture.Admin, category: ReportScenario.Training);

        trends.Categories.Select(c => (c.Category, c.Figures.Events, c.Figures.Expected, c.Figures.Attended)).ShouldBe([("Meeting", 1, 3, 2), ("Training", 2, 7, 3)]);
        training.Total.ShouldBe(new Figures(2, 7, 3));
    }

    [Fact]
    public async Task GetAttendanceTrends_WhenAskedForRepeatNoShows_ThenThoseAbsentFromNOfTheirLastM()
    {
        var twoOfThree = await TrendsAs(fixture.Admin, missed: 2, of: 3);
        var oneOfOne = await TrendsAs(fixture.Admin, missed: 1, of: 1);

        // Staff 4 missed all three; staff 1 and the organizer one each (E2), so not "2 of the last 3".
        twoOfThree.RepeatNoShows.Select(n => (n.Name, n.Missed, n.Considered)).ShouldBe([(fixture.StaffNo(4).DisplayName, 3, 3)]);
        twoOfThree.RepeatNoShows[0].LastMissedUtc.ShouldBe(new DateTimeOffset(2027, 2, 10, 1, 0, 0, TimeSpan.Zero));
        // The last expected event of staff 1 and of the organizer is E3 (came), of staff 5 E2 (came): only staff 4.
        oneOfOne.RepeatNoShows.Select(n => n.Name).ShouldBe([fixture.StaffNo(4).DisplayName]);
    }

    [Fact]
    public async Task GetAttendanceTrends_WhenAManagerAsks_ThenOnlyTheirUnitsAndAnotherUnitIsRefused()
    {
        var programs = fixture.DemoUser("manager.programs@oobc.gov.ph");

        var own = await TrendsAs(programs);
        var other = await Should.ThrowAsync<ForbiddenException>(() => TrendsAs(fixture.Organizer, unit: own.Units.Single().Id));

        own.Units.Select(u => u.Name).ShouldBe(["Programs Division"]);
        own.UnitMonths.ShouldAllBe(u => u.UnitName == "Programs Division");
        own.Total.ShouldBe(new Figures(3, 4, 1));
        other.Message.ShouldBe("You can see the trends of your own units only.");
    }

    [Fact]
    public async Task GetAttendanceTrends_WhenStaffOrADeskAsks_ThenForbidden()
    {
        var staff = await Should.ThrowAsync<ForbiddenException>(() => TrendsAs(fixture.StaffNo(1)));
        await Should.ThrowAsync<ForbiddenException>(() => TrendsAs(fixture.Desk1));

        staff.Message.ShouldBe("Only managers (for their units) and administrators can see attendance trends.");
    }

    [Fact]
    public async Task GetAttendanceTrends_WhenTheRangeIsOverTwoYearsOrBackwards_ThenAClearMessage()
    {
        var tooLong = await Should.ThrowAsync<InputValidationException>(() =>
            fixture.SendAs<AttendanceTrends>(fixture.Admin, new GetAttendanceTrends(new DateOnly(2025, 1, 1), new DateOnly(2027, 1, 2))));
        var backwards = await Should.ThrowAsync<InputValidationException>(() =>
            fixture.SendAs<AttendanceTrends>(fixture.Admin, new GetAttendanceTrends(To, From)));
        var badWindow = await Should.ThrowAsync<InputValidationException>(() => TrendsAs(fixture.Admin, missed: 4, of: 3));

        tooLong.Message.ShouldBe("Choose a range of at most 2 years; narrow the dates to see more.");
        backwards.Message.ShouldBe("The last day must be on or after the first.");
        badWindow.Message.ShouldBe("Missed events cannot be more than the events looked at.");
    }

    [Fact]
    public async Task TrendExports_WhenWritten_ThenCsvHeaderRowsAndXlsxSheetsReadBack()
    {
        var trends = await TrendsAs(fixture.Admin);

        var csv = Encoding.UTF8.GetString(TableExport.Csv(AttendanceReportExport.UnitMonths(trends)));
        using var xlsx = new MemoryStream(await TableExport.XlsxAsync(AttendanceReportExport.TrendSheets(trends), CancellationToken.None));
        var categories = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "By category").Cast<IDictionary<string, object?>>().ToList();
        var noShows = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "Repeat no-shows").Cast<IDictionary<string, object?>>().ToList();

        csv.ShouldBe(
            "month,unit,events,expected,attended,rate_percent\n" +
            "2027-01,Operations Division,1,2,2,100\n" +
            "2027-01,Programs Division,1,1,0,0\n" +
            "2027-02,Operations Division,2,4,2,50\n" +
            "2027-02,Programs Division,2,3,1,33.3\n");
        categories.Select(c => ((string?)c["category"], Convert.ToInt32(c["expected"]), Convert.ToDecimal(c["rate_percent"])))
            .ShouldBe([("Meeting", 3, 66.7m), ("Training", 7, 42.9m)]);
        noShows.Single()["person"].ShouldBe(fixture.StaffNo(4).DisplayName);
        noShows.Single()["last_missed"].ShouldBe("2027-02-10 09:00");
    }
}
