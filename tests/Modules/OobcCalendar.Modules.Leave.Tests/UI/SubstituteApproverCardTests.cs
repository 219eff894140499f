using Bunit;
using OobcCalendar.Modules.Leave.Features.Approvers;
using OobcCalendar.Modules.Leave.UI.Components;
using OobcCalendar.Shared.Errors;
using Shouldly;

namespace OobcCalendar.Modules.Leave.Tests.UI;

/// <summary>The "Substitute approver" card and the HR approvers panel (ADR 0026), on a fake mediator. Today is Mon 7 Dec 2026.</summary>
public sealed class SubstituteApproverCardTests : LeaveUiTestContext
{
    private static readonly ApproverChoice Noraida = new(Guid.NewGuid(), "Noraida Ampatuan");
    private SubstituteApprovers view = new(MeId, "Rashid Mangudadatu", 3, [], [], [Noraida]);

    public SubstituteApproverCardTests() => Mediator.Answer<GetSubstituteApprovers>(_ => view);

    [Fact]
    public void Render_WhenNobodyReportsToMe_ThenTheCardStaysHidden()
    {
        view = view with { PeopleCount = 0 };

        var card = Render<SubstituteApproverCard>();

        card.FindAll("[data-testid=substitute-card]").ShouldBeEmpty();
    }

    [Fact]
    public async Task End_WhenADelegationIsCurrent_ThenItIsEndedAndTheCardReloads()
    {
        var current = new DelegationView(Guid.NewGuid(), MeId, "Rashid Mangudadatu", Noraida.Id, Noraida.Name, new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 11), true);
        view = view with { Delegations = [current] };
        Mediator.Answer<EndApprovalDelegation>(_ =>
        {
            view = view with { Delegations = [] };
            return global::Mediator.Unit.Value;
        });
        var card = Render<SubstituteApproverCard>();
        var row = card.Find("[data-testid=substitute-delegation]");
        row.TextContent.ShouldContain("Noraida Ampatuan");
        row.TextContent.ShouldContain("from Mon 7 Dec to Fri 11 Dec 2026");
        card.Find("[data-testid=substitute-state]").TextContent.ShouldBe("Now");

        await card.Find("[data-testid=substitute-end]").ClickAsync(new());

        Mediator.Sent.OfType<EndApprovalDelegation>().ShouldHaveSingleItem().DelegationId.ShouldBe(current.Id);
        card.WaitForAssertion(() => card.FindAll("[data-testid=substitute-delegation]").ShouldBeEmpty());
    }

    [Fact]
    public async Task Set_WhenNoSubstituteIsChosen_ThenItSaysSoAndSendsNothing()
    {
        var card = Render<SubstituteApproverCard>();

        await card.Find("[data-testid=substitute-save]").ClickAsync(new());

        card.Markup.ShouldContain("Choose a substitute approver.");
        Mediator.Sent.OfType<SetApprovalDelegation>().ShouldBeEmpty();
    }

    [Fact]
    public void Render_WhenIStandInForSomeone_ThenTheCardSaysForWhomEvenWithoutPeople()
    {
        view = view with
        {
            PeopleCount = 0,
            StandingInFor = [new DelegationView(Guid.NewGuid(), Guid.NewGuid(), "Amina Datu", MeId, "Me", new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 18), true)],
        };

        var card = Render<SubstituteApproverCard>();

        card.Find("[data-testid=substitute-standing-in]").TextContent.ShouldContain("You stand in for Amina Datu from Mon 7 Dec to Fri 18 Dec 2026");
        card.FindAll("[data-testid=substitute-form]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Remove_WhenAdminRemovesAnHrApprover_ThenItIsSentAndTheListReloads()
    {
        var hr = new HrApproverView(Noraida.Id, Noraida.Name, true, new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        var list = new HrApproverList([hr], []);
        Mediator.Answer<ListHrApprovers>(_ => list);
        Mediator.Answer<RemoveHrApprover>(_ =>
        {
            list = new HrApproverList([], [Noraida]);
            return global::Mediator.Unit.Value;
        });
        var panel = Render<HrApproversPanel>();
        panel.Find("[data-testid=hr-approver]").TextContent.ShouldContain("Named Tue 1 Dec 2026");

        await panel.Find("[data-testid=hr-remove]").ClickAsync(new());

        Mediator.Sent.OfType<RemoveHrApprover>().ShouldHaveSingleItem().PersonId.ShouldBe(Noraida.Id);
        panel.WaitForAssertion(() => panel.Find("[data-testid=hr-none]").TextContent.ShouldContain("only Admin gives the second level"));
    }

    [Fact]
    public async Task Set_WhenTheHandlerRefusesTheDays_ThenTheMessageSitsUnderTheField()
    {
        Mediator.Answer<SetApprovalDelegation>(_ => throw new InputValidationException(new Dictionary<string, string[]> { ["From"] = ["Rashid Mangudadatu already has a substitute then."] }));
        var card = Render<SubstituteApproverCard>(p => p.Add(c => c.ManagerId, MeId));
        await card.InvokeAsync(() => card.FindComponent<MudBlazor.MudSelect<Guid>>().Instance.ValueChanged.InvokeAsync(Noraida.Id));

        await card.Find("[data-testid=substitute-save]").ClickAsync(new());

        Mediator.Sent.OfType<SetApprovalDelegation>().ShouldHaveSingleItem().SubstituteId.ShouldBe(Noraida.Id);
        card.WaitForAssertion(() => card.Markup.ShouldContain("already has a substitute then"));
    }
}
