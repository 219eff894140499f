using OobcCalendar.Modules.Leave.Features.Requests;
using Shouldly;
using static OobcCalendar.Modules.Leave.Tests.Features.LeaveSteps;

namespace OobcCalendar.Modules.Leave.Tests.Features;

[Collection(LeaveCollection.Name)]
public sealed class WhosOutTests(LeaveFixture fixture)
{
    [Fact]
    public async Task GetWhosOut_WhenSickLeaveIsApproved_ColleaguesSeeOutOfOfficeAndTheManagerSeesTheType()
    {
        var sick = fixture.StaffNo(3);
        await fixture.CreditAsync(sick, SL, 2m);
        var receipt = await fixture.FileAsync(sick, SL, D(12, 6), D(12, 7));
        await fixture.SendAs<LeaveDecision>(fixture.Manager, new ApproveLeaveRequest(receipt.RequestId));

        var colleague = await fixture.SendAs<IReadOnlyList<PersonOut>>(fixture.StaffNo(2), new GetWhosOut(D(12, 1), D(12, 31)));
        var manager = await fixture.SendAs<IReadOnlyList<PersonOut>>(fixture.Manager, new GetWhosOut(D(12, 6), D(12, 6)));
        var otherUnit = await fixture.SendAs<IReadOnlyList<PersonOut>>(fixture.StaffNo(5), new GetWhosOut(D(12, 1), D(12, 31)));

        colleague.Single(p => p.RequestId == receipt.RequestId).ShouldSatisfyAllConditions(
            p => p.Label.ShouldBe("Out of office"),
            p => p.LeaveTypeName.ShouldBeNull(),
            p => p.PersonName.ShouldBe("Tomas Reyes"));
        manager.Single(p => p.RequestId == receipt.RequestId).Label.ShouldBe("Sick leave");
        otherUnit.ShouldNotContain(p => p.RequestId == receipt.RequestId);
    }

    [Fact]
    public async Task GetWhosOut_WhenTheWindowIsTooLong_SaysTheLimit()
    {
        var error = await Should.ThrowAsync<OobcCalendar.Shared.Errors.InputValidationException>(() =>
            fixture.SendAs<IReadOnlyList<PersonOut>>(fixture.Staff, new GetWhosOut(D(1, 1), D(6, 1))));

        error.Errors["To"].ShouldHaveSingleItem().ShouldBe("Choose a window of 1 to 62 days.");
    }
}
