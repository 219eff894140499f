using Bunit;
using MudBlazor;
using OobcCalendar.Modules.Leave.Domain.LeaveTypes;
using OobcCalendar.Modules.Leave.Features.Balances;
using OobcCalendar.Modules.Leave.Features.Holidays;
using OobcCalendar.Modules.Leave.Features.LeaveTypes;
using OobcCalendar.Modules.Leave.UI.Components;
using OobcCalendar.Shared.Users;
using Shouldly;

namespace OobcCalendar.Modules.Leave.Tests.UI;

/// <summary>Admin's leave forms with the module's real validators behind the fake mediator: a bad field says why, at the field.</summary>
public sealed class LeaveAdminFormTests : LeaveUiContext
{
    private static readonly LeaveTypeItem Vacation = new(Guid.NewGuid(), CivilServiceLeaveTypes.All.First(t => t.Code == CivilServiceLeaveTypes.Vacation), true, 10);
    private static readonly LeavePerson Farida = new(Guid.NewGuid(), "Farida Mamalinta", Guid.NewGuid(), "Operations", null);

    public LeaveAdminFormTests()
    {
        User.Role = Roles.Admin;
        Mediator.Answer<ListLeaveTypes>(_ => (IReadOnlyList<LeaveTypeItem>)[Vacation]);
        Mediator.Answer<ListLeavePeople>(_ => (IReadOnlyList<LeavePerson>)[Farida]);
    }

    [Fact]
    public async Task LeaveTypeEditor_WhenTheColourIsNotAColour_ShowsWhyAtTheFieldAndStaysOpen()
    {
        Mediator.Answer<SaveLeaveType>(c => Validated.By(new SaveLeaveTypeValidator(), c, Vacation.Id));
        var provider = DialogProvider();
        await ShowAsync(provider, new DialogParameters<LeaveTypeEditor> { { e => e.TypeId, Vacation.Id } });

        provider.Find("input[data-testid=type-colour]").Change("orange");
        provider.Find("[data-testid=type-save]").Click();

        provider.WaitForAssertion(() => provider.Markup.ShouldContain("Choose a colour like #ef6c00."));
        provider.FindAll("[data-testid=leave-type-editor]").Count.ShouldBe(1);
        Mediator.Sent.OfType<SaveLeaveType>().ShouldHaveSingleItem().Settings.ShouldSatisfyAllConditions(
            s => s.Colour.ShouldBe("orange"),
            s => s.Code.ShouldBe(CivilServiceLeaveTypes.Vacation));
    }

    [Fact]
    public async Task LeaveTypeEditor_WhenSettingsAreValid_SavesThemOverTheTypeAndCloses()
    {
        Mediator.Answer<SaveLeaveType>(c => Validated.By(new SaveLeaveTypeValidator(), c, Vacation.Id));
        var provider = DialogProvider();
        var dialog = await ShowAsync(provider, new DialogParameters<LeaveTypeEditor> { { e => e.TypeId, Vacation.Id } });

        provider.Find("input[data-testid=type-notice]").Change("10");
        provider.Find("[data-testid=type-save]").Click();

        (await dialog.Result)!.Canceled.ShouldBeFalse();
        var saved = Mediator.Sent.OfType<SaveLeaveType>().ShouldHaveSingleItem();
        saved.Id.ShouldBe(Vacation.Id);
        saved.Settings.ShouldBe(Vacation.Settings with { MinimumNoticeWorkingDays = 10 });
    }

    [Fact]
    public void BalanceAdjustPanel_WhenTheReasonIsMissing_SaysAReasonIsRequired()
    {
        Mediator.Answer<AdjustBalance>(c => Validated.By(new AdjustBalanceValidator(), c, Guid.NewGuid()));
        var panel = Render<BalanceAdjustPanel>();

        panel.Find("input[data-testid=balance-days]").Change("2");
        panel.Find("[data-testid=balance-save]").Click();

        panel.WaitForAssertion(() => panel.Markup.ShouldContain("Say why the balance is adjusted."));
        panel.Markup.ShouldContain("Choose whose balance to adjust.");
        Mediator.Sent.OfType<AdjustBalance>().ShouldHaveSingleItem().Days.ShouldBe(2m);
    }

    [Fact]
    public async Task HolidayEditor_WhenTheNameIsEmpty_SaysToNameIt()
    {
        Mediator.Answer<SaveHoliday>(c => Validated.By(new SaveHolidayValidator(), c, Guid.NewGuid()));
        var provider = DialogProvider();
        await ShowAsync(provider, new DialogParameters<HolidayEditor> { { e => e.Date, new DateOnly(2027, 6, 24) } });

        provider.Find("[data-testid=holiday-save]").Click();

        provider.WaitForAssertion(() => provider.Markup.ShouldContain("Give the holiday a name."));
        Mediator.Sent.OfType<SaveHoliday>().ShouldHaveSingleItem().Date.ShouldBe(new DateOnly(2027, 6, 24));
    }
}
