using Bunit;
using MudBlazor;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.UI.Events;
using Shouldly;

namespace OobcCalendar.Modules.Scheduling.UI.Tests;

public sealed class EditScopeDialogTests : DialogTestContext
{
    [Fact]
    public async Task ScopeDialog_WhenConfirmedWithoutChoosing_ThenAnswersThisOccurrence()
    {
        var dialog = await ShowAsync(new DialogParameters<EditScopeDialog> { { d => d.Question, "Move a repeating event" }, { d => d.ActionText, "Move" } });

        Provider.Find("[data-testid=scope-confirm]").Click();

        var result = await dialog.Result;
        result!.Data.ShouldBe(EditScope.Occurrence);
        Provider.Markup.ShouldNotContain("Move a repeating event");
    }

    [Fact]
    public async Task ScopeDialog_WhenFollowingChosen_ThenAnswersFollowing()
    {
        var dialog = await ShowAsync(new DialogParameters<EditScopeDialog> { { d => d.Question, "Cancel a repeating event" }, { d => d.Destructive, true } });

        Provider.Find("input[data-testid=scope-following]").Click();
        Provider.Find("[data-testid=scope-confirm]").Click();

        (await dialog.Result)!.Data.ShouldBe(EditScope.Following);
    }

    [Fact]
    public async Task ScopeDialog_WhenRuleChanged_ThenOffersNoSingleOccurrenceAndSaysWhy()
    {
        var dialog = await ShowAsync(new DialogParameters<EditScopeDialog>
        {
            { d => d.AllowOccurrence, false },
            { d => d.WhyNotOccurrence, "A change to how the event repeats applies to a run of occurrences, not to one." },
        });

        Provider.FindAll("[data-testid=scope-occurrence]").ShouldBeEmpty();
        Provider.Find("[data-testid=scope-why]").TextContent.ShouldContain("applies to a run of occurrences");
        Provider.Find("[data-testid=scope-confirm]").Click();
        (await dialog.Result)!.Data.ShouldBe(EditScope.Following);
    }

    [Fact]
    public async Task ScopeDialog_ForAnAnswerToAnInvitation_ThenOffersThisOccurrenceOrAllButNotFollowing()
    {
        var dialog = await ShowAsync(new DialogParameters<EditScopeDialog> { { d => d.Question, "Answer for a repeating event" }, { d => d.AllowFollowing, false } });

        Provider.FindAll("input[data-testid=scope-following]").ShouldBeEmpty();
        Provider.Find("input[data-testid=scope-series]").Click();
        Provider.Find("[data-testid=scope-confirm]").Click();

        (await dialog.Result)!.Data.ShouldBe(EditScope.Series);
    }

    [Fact]
    public async Task ScopeDialog_WhenCancelled_ThenAnswersNothing()
    {
        var dialog = await ShowAsync(new DialogParameters<EditScopeDialog>());

        Provider.Find("[data-testid=scope-cancel]").Click();

        (await dialog.Result)!.Canceled.ShouldBeTrue();
    }
}
