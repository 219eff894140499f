using System.Text;
using MiniExcelLibs;
using OobcCalendar.Modules.Leave.Features.Reports;
using OobcCalendar.Modules.Leave.Features.Requests;
using OobcCalendar.Shared.Errors;
using Shouldly;
using static OobcCalendar.Modules.Leave.Tests.Features.LeaveSteps;

namespace OobcCalendar.Modules.Leave.Tests.Features.Reports;

/// <summary>GetLeaveReport and its CSV/XLSX exports. Leave without pay, October–November 2027 (no other test's dates).</summary>
[Collection(LeaveCollection.Name)]
public sealed class LeaveReportTests(LeaveFixture fixture)
{
    private async Task<LeaveRequestReceipt> ApprovedAsync(OobcCalendar.Shared.Users.DirectoryUser person, DateOnly first, DateOnly last, OobcCalendar.Shared.Users.DirectoryUser approver)
    {
        var receipt = await fixture.FileAsync(person, LWOP, first, last);
        await fixture.SendAs<LeaveDecision>(approver, new ApproveLeaveRequest(receipt.RequestId));
        return receipt;
    }

    [Fact]
    public async Task GetLeaveReport_WhenLeaveSpansTwoMonths_SplitsItsWorkingDaysByMonth()
    {
        // Thu 28 Oct – Wed 3 Nov 2027: 28 and 29 Oct, then 1 Nov (All Saints) is a holiday.
        var person = fixture.StaffNo(2);
        var receipt = await ApprovedAsync(person, D(10, 28), D(11, 3), fixture.Manager);
        var lwop = await fixture.TypeIdAsync(LWOP);

        var report = await fixture.SendAs<LeaveReport>(fixture.Manager, new GetLeaveReport(D(10, 1), D(11, 1), PersonId: person.Id, LeaveTypeId: lwop));

        report.Rows.Select(r => (r.Month, r.Days)).ShouldBe([(D(10, 1), 2m), (D(11, 1), receipt.Days - 2m)]);
        report.Rows.ShouldAllBe(r => r.PersonName == person.DisplayName && r.LeaveTypeCode == LWOP && r.UnitName == person.OrganisationUnitName);
        report.TotalDays.ShouldBe(receipt.Days);
        (await fixture.SendAs<LeaveReport>(fixture.Manager, new GetLeaveReport(D(11, 1), D(11, 1), PersonId: person.Id, LeaveTypeId: lwop)))
            .Rows.ShouldHaveSingleItem().Days.ShouldBe(receipt.Days - 2m);
    }

    [Fact]
    public async Task GetLeaveReport_ForAManager_ShowsOnlyTheirPeopleAndForAdminEveryone()
    {
        var mine = fixture.StaffNo(3);
        var theirs = fixture.StaffNo(5);
        await ApprovedAsync(mine, D(10, 19), D(10, 19), fixture.Manager);
        await ApprovedAsync(theirs, D(10, 20), D(10, 20), fixture.OtherManager);
        var query = new GetLeaveReport(D(10, 1), D(10, 1), LeaveTypeId: await fixture.TypeIdAsync(LWOP));

        var manager = await fixture.SendAs<LeaveReport>(fixture.Manager, query);
        var admin = await fixture.SendAs<LeaveReport>(fixture.Admin, query);
        var byUnit = await fixture.SendAs<LeaveReport>(fixture.Admin, query with { UnitId = theirs.OrganisationUnitId });

        manager.Rows.ShouldContain(r => r.PersonId == mine.Id);
        manager.Rows.ShouldNotContain(r => r.PersonId == theirs.Id);
        manager.People.ShouldNotContain(p => p.Id == theirs.Id);
        admin.Rows.ShouldContain(r => r.PersonId == mine.Id);
        admin.Rows.ShouldContain(r => r.PersonId == theirs.Id);
        byUnit.Rows.ShouldContain(r => r.PersonId == theirs.Id);
        byUnit.Rows.ShouldNotContain(r => r.PersonId == mine.Id);
        await Should.ThrowAsync<ForbiddenException>(() => fixture.SendAs<LeaveReport>(fixture.Staff, query));
    }

    [Fact]
    public async Task GetLeaveReport_WhenTheSpanIsTooLong_SaysTheLimit()
    {
        var error = await Should.ThrowAsync<InputValidationException>(() =>
            fixture.SendAs<LeaveReport>(fixture.Admin, new GetLeaveReport(new DateOnly(2025, 1, 1), new DateOnly(2027, 1, 1))));

        error.Errors["To"].ShouldHaveSingleItem().ShouldBe("Choose 1 to 24 months, the last after the first.");
    }

    [Fact]
    public async Task Exports_WhenGivenAReport_WriteTheSameRowsAsCsvAndXlsx()
    {
        var report = new LeaveReport(D(10, 1), D(11, 1),
        [
            new LeaveReportRow(Guid.NewGuid(), "=cmd Reyes, Tomas", "Operations", "VL", "Vacation leave", D(10, 1), 2.5m),
            new LeaveReportRow(Guid.NewGuid(), "Ana Cruz", null, "LWOP", "Leave without pay", D(11, 1), 1m),
        ], []);

        var csv = Encoding.UTF8.GetString(LeaveReportExport.Csv(report));
        var rows = MiniExcel.Query(new MemoryStream(await LeaveReportExport.XlsxAsync(report, CancellationToken.None)), useHeaderRow: true)
            .Cast<IDictionary<string, object?>>().ToList();

        csv.ShouldBe(
            "month,person,unit,leave_type_code,leave_type,days\n" +
            "2027-10,\"'=cmd Reyes, Tomas\",Operations,VL,Vacation leave,2.5\n" +
            "2027-11,Ana Cruz,,LWOP,Leave without pay,1\n");
        LeaveReportExport.FileName(report, "xlsx").ShouldBe("leave-taken-202710-202711.xlsx");
        rows.Count.ShouldBe(2);
        rows[0].Keys.ShouldBe(LeaveReportExport.Columns);
        rows[0]["month"].ShouldBe("2027-10");
        rows[0]["person"].ShouldBe("=cmd Reyes, Tomas");
        Convert.ToDecimal(rows[0]["days"], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(2.5m);
        rows[1]["leave_type"].ShouldBe("Leave without pay");
    }
}
