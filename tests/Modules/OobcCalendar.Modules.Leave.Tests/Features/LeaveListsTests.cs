using OobcCalendar.Modules.Leave.Features.Requests;
using Shouldly;
using static OobcCalendar.Modules.Leave.Tests.Features.LeaveSteps;

namespace OobcCalendar.Modules.Leave.Tests.Features;

[Collection(LeaveCollection.Name)]
public sealed class LeaveListsTests(LeaveFixture fixture)
{
    [Fact]
    public async Task ListLeaveToDecide_WhenAStaffMemberFiles_OnlyTheirManagerAndAdminSeeIt()
    {
        var receipt = await fixture.FileAsync(fixture.StaffNo(2), LWOP, D(6, 21), D(6, 22));

        var manager = await fixture.SendAs<IReadOnlyList<LeaveToDecide>>(fixture.Manager, new ListLeaveToDecide());
        var other = await fixture.SendAs<IReadOnlyList<LeaveToDecide>>(fixture.OtherManager, new ListLeaveToDecide());
        var admin = await fixture.SendAs<IReadOnlyList<LeaveToDecide>>(fixture.Admin, new ListLeaveToDecide());

        manager.Single(l => l.RequestId == receipt.RequestId).ShouldSatisfyAllConditions(
            l => l.PersonName.ShouldBe("Farida Mamalinta"),
            l => l.Days.ShouldBe(2m),
            l => l.Stage.ShouldBe("Manager"),
            l => l.Available.ShouldBeNull());
        other.ShouldNotContain(l => l.RequestId == receipt.RequestId);
        admin.ShouldContain(l => l.RequestId == receipt.RequestId);
        manager.Select(l => l.FiledAt).ShouldBeInOrder();
    }

    [Fact]
    public async Task ListMyLeaveRequests_WhenFiled_ShowsItPendingWithItsType()
    {
        var receipt = await fixture.FileAsync(fixture.StaffNo(2), LWOP, D(6, 28), D(6, 28));

        var mine = await fixture.SendAs<IReadOnlyList<MyLeaveRequest>>(fixture.StaffNo(2), new ListMyLeaveRequests());

        mine.Single(r => r.RequestId == receipt.RequestId).ShouldSatisfyAllConditions(
            r => r.LeaveTypeName.ShouldBe("Leave without pay"),
            r => r.Status.ShouldBe("Pending"));
        (await fixture.SendAs<IReadOnlyList<MyLeaveRequest>>(fixture.Staff, new ListMyLeaveRequests())).ShouldNotContain(r => r.RequestId == receipt.RequestId);
    }
}
