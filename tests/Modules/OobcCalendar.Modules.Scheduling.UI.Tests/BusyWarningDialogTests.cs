using Bunit;
using MudBlazor;
using OobcCalendar.Modules.Scheduling.Features.Events;
using OobcCalendar.Modules.Scheduling.UI.Events;
using Shouldly;

namespace OobcCalendar.Modules.Scheduling.UI.Tests;

public sealed class BusyWarningDialogTests : DialogTestContext
{
    [Fact]
    public async Task BusyWarning_WhenOnlyALaterOccurrenceClashes_ThenSaysWhoAndWhenWithoutClaimingTheChosenTime()
    {
        await ShowAsync(new DialogParameters<BusyWarningDialog>
        {
            { d => d.Names, [] },
            { d => d.Later, ["Farida Mamalinta (Tue 17 Aug)"] },
            { d => d.When, "Tue 3 Aug 2027, 6:00 AM – 7:00 AM" },
            { d => d.ConfirmText, "Move anyway" },
        });

        Provider.FindAll("[data-testid=busy-names]").ShouldBeEmpty();
        Provider.Find("[data-testid=busy-later]").TextContent.ShouldContain("Farida Mamalinta (Tue 17 Aug)");
    }

    [Fact]
    public async Task BusyWarning_WhenABookingIsAllThatHoldsSomeone_ThenSaysSoNextToTheirName()
    {
        // EventActions passes each busy person's ShownName.
        var booked = new BusyParticipant(Guid.NewGuid(), "Jamal Usman", Because: "Vehicle booking");
        var meeting = new BusyParticipant(Guid.NewGuid(), "Tomas Reyes");

        await ShowAsync(new DialogParameters<BusyWarningDialog>
        {
            { d => d.Names, [booked.ShownName, meeting.ShownName] },
            { d => d.When, "Tue 3 Aug 2027, 6:00 AM – 7:00 AM" },
        });

        Provider.Find("[data-testid=busy-names]").TextContent.ShouldContain("Jamal Usman (vehicle booking) and Tomas Reyes already have something on");
    }

    [Fact]
    public async Task BusyWarning_WhenSomeoneIsBusyAtTheChosenTime_ThenNamesThemWithTheTime()
    {
        var dialog = await ShowAsync(new DialogParameters<BusyWarningDialog>
        {
            { d => d.Names, ["Jamal Usman", "Tomas Reyes"] },
            { d => d.When, "Tue 3 Aug 2027, 6:00 AM – 7:00 AM" },
        });

        Provider.Find("[data-testid=busy-names]").TextContent.ShouldContain("already have something on Tue 3 Aug 2027, 6:00 AM – 7:00 AM");
        Provider.FindAll("[data-testid=busy-later]").ShouldBeEmpty();
        Provider.Find("[data-testid=busy-back]").Click();
        (await dialog.Result)!.Canceled.ShouldBeTrue();
    }
}
