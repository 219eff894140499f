using System.Text;
using MiniExcelLibs;
using OobcCalendar.Modules.Attendance.Features.Reports;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Exports;
using Shouldly;

namespace OobcCalendar.Modules.Attendance.Tests.Features.Reports;

[Collection(AttendanceCollection.Name)]
public sealed class EventReportTests(AttendanceFixture fixture)
{
    private readonly ReportScenario scenario = new(fixture);

    // 10 March 2027, 9:00 Manila: the organizer and staff 1–3 (Operations), staff 4–5 (Programs) expected.
    private async Task<Guid> ConsultationAsync(int day)
    {
        var (listId, start) = await scenario.PastEventAsync(new DateTime(2027, 3, day, 9, 0, 0), ReportScenario.Meeting,
            fixture.StaffNo(1), fixture.StaffNo(2), fixture.StaffNo(3), fixture.StaffNo(4), fixture.StaffNo(5));
        await scenario.ArrivedAsync(listId, start, fixture.Organizer, -10);
        await scenario.ArrivedAsync(listId, start, fixture.StaffNo(1), 3);
        await scenario.ArrivedAsync(listId, start, fixture.StaffNo(2), 5);
        await scenario.ArrivedAsync(listId, start, fixture.StaffNo(4), 20);
        await scenario.ArrivedAsync(listId, start, fixture.Admin, 0, expected: false);
        await scenario.WalkInAsync(listId, start, "Datu Piang", "Barangay Poblacion", 2);
        await scenario.WalkInAsync(listId, start, "Hadja Lim", "Barangay Poblacion", 45);
        await scenario.WalkInAsync(listId, start, "=Sum", "LGU Cotabato", 12);
        return listId;
    }

    [Fact]
    public async Task GetEventReport_WhenSomeCameLate_ThenRateUnitsBucketsWalkInsAndNoShowsAdd()
    {
        var listId = await ConsultationAsync(10);

        var report = await fixture.SendAs<EventReport>(fixture.Organizer, new GetEventReport(listId));

        report.Counts.Expected.ShouldBe(6);
        report.Counts.ExpectedCheckedIn.ShouldBe(4);
        report.Counts.Rate.ShouldBe(4 / 6.0, 0.0001);
        report.Counts.OthersCheckedIn.ShouldBe(1);
        report.Counts.WalkIns.ShouldBe(3);
        report.Units.Select(u => (u.UnitName, u.Expected, u.Attended)).ShouldBe([("Operations Division", 4, 3), ("Programs Division", 2, 1)]);
        // early: organizer; 0–5: staff 1 (+3), admin (+0), walk-in (+2); 5–15: staff 2 (exactly +5), walk-in (+12); 15–30: staff 4; 30+: walk-in (+45).
        report.Arrivals.ShouldBe([1, 3, 2, 1, 1]);
        report.WalkIns.ShouldBe([new OrganisationCount("Barangay Poblacion", 2), new OrganisationCount("LGU Cotabato", 1)]);
        report.NoShows.Select(p => p.Name).ShouldBe([fixture.StaffNo(3).DisplayName, fixture.StaffNo(5).DisplayName], ignoreOrder: true);
    }

    [Fact]
    public async Task EventExports_WhenWritten_ThenCsvAndXlsxReadBackWithTheSameRows()
    {
        var listId = await ConsultationAsync(11);
        var report = await fixture.SendAs<EventReport>(fixture.Admin, new GetEventReport(listId));

        var csv = Encoding.UTF8.GetString(TableExport.Csv(AttendanceReportExport.People(report))).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var xlsx = new MemoryStream(await TableExport.XlsxAsync(AttendanceReportExport.EventSheets(report), CancellationToken.None));
        var sheets = MiniExcel.GetSheetNames(xlsx);
        var people = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "People").Cast<IDictionary<string, object?>>().ToList();
        var units = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "By unit").Cast<IDictionary<string, object?>>().ToList();

        csv[0].ShouldBe("name,kind,unit_or_organisation,status,checked_in_at,minutes_after_start,arrival");
        csv.Length.ShouldBe(1 + 6 + 1 + 3);
        csv.ShouldContain($"{fixture.StaffNo(3).DisplayName},expected,Operations Division,no-show,,,");
        csv.ShouldContain($"{fixture.StaffNo(4).DisplayName},expected,Programs Division,attended,2027-03-11 09:20,20,15-30");
        csv.ShouldContain("'=Sum,walk-in,LGU Cotabato,attended,2027-03-11 09:12,12,5-15");
        sheets.ShouldBe(["Summary", "People", "By unit", "Arrivals", "Walk-ins"]);
        people.Count.ShouldBe(10);
        people[0].Keys.ShouldBe(AttendanceReportExport.PeopleColumns);
        people.Count(p => (string?)p["status"] == "no-show").ShouldBe(2);
        people.Single(p => (string?)p["kind"] == "walk-in" && (string?)p["unit_or_organisation"] == "LGU Cotabato")["name"].ShouldBe("=Sum");
        units.Select(u => ((string?)u["unit"], Convert.ToInt32(u["expected"]), Convert.ToDecimal(u["rate_percent"])))
            .ShouldBe([("Operations Division", 4, 75m), ("Programs Division", 2, 50m)]);
        AttendanceReportExport.EventFileName(report, "xlsx").ShouldBe("attendance-20270311-0900.xlsx");
    }

    [Fact]
    public async Task GetEventReport_WhenAParticipantOrADeskAsks_ThenForbidden()
    {
        var listId = await ConsultationAsync(12);

        var participant = await Should.ThrowAsync<ForbiddenException>(() => fixture.SendAs<EventReport>(fixture.StaffNo(1), new GetEventReport(listId)));
        await Should.ThrowAsync<ForbiddenException>(() => fixture.SendAs<EventReport>(fixture.Desk1, new GetEventReport(listId)));
        var admin = await fixture.SendAs<EventReport>(fixture.Admin, new GetEventReport(listId));

        participant.Message.ShouldBe("Only the event's organizer or an admin can see its attendance report.");
        admin.Counts.Expected.ShouldBe(6);
    }

    [Fact]
    public async Task EventCsvDownload_WhenAParticipantAsks_Then403AndTheOrganizerGetsTheFile()
    {
        var listId = await ConsultationAsync(15);
        using var participant = await fixture.SignedInClientAsync(fixture.StaffNo(2));
        using var organizer = await fixture.SignedInClientAsync(fixture.Organizer);

        var refused = await participant.GetAsync(ReportEndpoints.EventUrl(listId, "csv"));
        var file = await organizer.GetAsync(ReportEndpoints.EventUrl(listId, "csv"));

        ((int)refused.StatusCode).ShouldBe(403);
        file.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        (await file.Content.ReadAsStringAsync()).ShouldStartWith("name,kind,unit_or_organisation,");
    }
}
