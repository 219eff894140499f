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
        var dialog = await ShowAsync(new DialogParameters<EditScopeDialog> { { d => d.AllowOccurrence, false } });

        Provider.FindAll("[data-testid=scope-occurrence]").ShouldBeEmpty();
        Provider.Markup.ShouldContain("applies to a run of occurrences");
        Provider.Find("[data-testid=scope-confirm]").Click();
        (await dialog.Result)!.Data.ShouldBe(EditScope.Following);
    }

    [Fact]
    public async Task ScopeDialog_WhenCancelled_ThenAnswersNothing()
    {
        var dialog = await ShowAsync(new DialogParameters<EditScopeDialog>());

        Provider.Find("[data-testid=scope-cancel]").Click();

        (await dialog.Result)!.Canceled.ShouldBeTrue();
    }
}
