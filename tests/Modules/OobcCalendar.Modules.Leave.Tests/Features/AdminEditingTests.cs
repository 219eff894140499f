using OobcCalendar.Modules.Leave.Contracts;
using OobcCalendar.Modules.Leave.Domain.Holidays;
using OobcCalendar.Modules.Leave.Domain.LeaveTypes;
using OobcCalendar.Modules.Leave.Domain.Requests;
using OobcCalendar.Modules.Leave.Features.Holidays;
using OobcCalendar.Modules.Leave.Features.LeaveTypes;
using OobcCalendar.Modules.Leave.Features.Requests;
using OobcCalendar.Shared.Errors;
using Shouldly;
using static OobcCalendar.Modules.Leave.Tests.Features.LeaveSteps;

namespace OobcCalendar.Modules.Leave.Tests.Features;

[Collection(LeaveCollection.Name)]
public sealed class AdminEditingTests(LeaveFixture fixture)
{
    [Fact]
    public async Task SaveHoliday_WhenAUnitHolidayIsAdded_OnlyThatUnitsRequestsSkipIt()
    {
        var unit = fixture.StaffNo(4).OrganisationUnitId!.Value;
        await fixture.SendAs<Guid>(fixture.Admin, new SaveHoliday(null, D(10, 6), "Founding anniversary", HolidayKind.SpecialNonWorking, unit));
        var lwop = await fixture.TypeIdAsync(LWOP);

        var inUnit = await fixture.SendAs<LeavePreview>(fixture.StaffNo(4), new PreviewLeaveRequest(lwop, D(10, 4), D(10, 8), DayPart.Full, DayPart.Full, false));
        var elsewhere = await fixture.SendAs<LeavePreview>(fixture.Staff, new PreviewLeaveRequest(lwop, D(10, 4), D(10, 8), DayPart.Full, DayPart.Full, false));

        inUnit.Days.ShouldBe(4m);
        elsewhere.Days.ShouldBe(5m);
    }

    [Fact]
    public async Task SaveHoliday_WhenNotAdmin_IsForbidden() =>
        await Should.ThrowAsync<ForbiddenException>(() => fixture.SendAs<Guid>(fixture.Manager, new SaveHoliday(null, D(10, 7), "Team day", HolidayKind.SpecialNonWorking)));

    [Fact]
    public async Task RemoveHoliday_WhenASeededDayIsRemoved_ItIsGoneFromTheList()
    {
        var list = await fixture.SendAs<IReadOnlyList<HolidayItem>>(fixture.Admin, new ListHolidays(D(11, 1), D(11, 30)));
        var bonifacio = list.Single(h => h.Name == "Bonifacio Day");

        await fixture.SendAs<Mediator.Unit>(fixture.Admin, new RemoveHoliday(bonifacio.Id));

        (await fixture.SendAs<IReadOnlyList<HolidayItem>>(fixture.Staff, new ListHolidays(D(11, 1), D(11, 30)))).ShouldNotContain(h => h.Id == bonifacio.Id);
    }

    [Fact]
    public async Task SaveLeaveType_WhenAdminAddsOne_ItIsListedAndItsCodeIsUnique()
    {
        var settings = new LeaveTypeSettings("RL", "Rehabilitation leave", false, LeaveEarning.None, 0, null, CarryOverRemainder.Forfeited,
            false, 0, 0, 0, true, "#6d4c41", true);

        await fixture.SendAs<Guid>(fixture.Admin, new SaveLeaveType(null, settings));
        var error = await Should.ThrowAsync<InputValidationException>(() => fixture.SendAs<Guid>(fixture.Admin, new SaveLeaveType(null, settings with { Name = "Again" })));

        (await fixture.SendAs<IReadOnlyList<LeaveTypeItem>>(fixture.Staff, new ListLeaveTypes())).ShouldContain(t => t.Settings.Code == "RL");
        error.Errors["Code"].ShouldHaveSingleItem().ShouldBe("Another leave type already has the code RL.");
    }

    [Fact]
    public async Task SaveLeaveType_WhenTheColourIsNotAColour_SaysHowToWriteIt()
    {
        var vl = CivilServiceLeaveTypes.All[0] with { Code = "ZZ", Colour = "orange" };

        var error = await Should.ThrowAsync<InputValidationException>(() => fixture.SendAs<Guid>(fixture.Admin, new SaveLeaveType(null, vl)));

        error.Errors["Colour"].ShouldContain("Choose a colour like #ef6c00.");
    }

    [Fact]
    public async Task ListApprovedLeave_WhenLeaveIsApproved_ListsItForAReplay()
    {
        var receipt = await fixture.FileAsync(fixture.StaffNo(4), LWOP, D(11, 8), D(11, 9));
        await fixture.SendAs<LeaveDecision>(fixture.OtherManager, new ApproveLeaveRequest(receipt.RequestId));

        var approved = await fixture.SendAs<IReadOnlyList<ApprovedLeave>>(fixture.Admin, new ListApprovedLeave(LeaveFixture.Now));

        approved.Single(a => a.RequestId == receipt.RequestId).ShouldSatisfyAllConditions(
            a => a.StartUtc.ShouldBe(new DateTimeOffset(2027, 11, 7, 16, 0, 0, TimeSpan.Zero)),
            a => a.EndUtc.ShouldBe(new DateTimeOffset(2027, 11, 9, 16, 0, 0, TimeSpan.Zero)));
    }
}
