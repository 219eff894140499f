using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OobcCalendar.E2E.Tests;

/// <summary>
/// An invitation from both sides: the invited colleague sees it arrive live, declines it, finds it again with
/// "Show events I declined", and the organizer reads the answer in the event's details.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InvitationJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Invitation_WhenTheColleagueDeclines_ThenItLeavesTheirCalendarAndTheOrganizerSeesTheAnswer()
    {
        var monday = CalendarActions.Monday(20);
        var day = monday.AddDays(1);
        var title = $"Partner visit {Guid.NewGuid().ToString("N")[..6]}";
        var (guestContext, guest) = await fixture.NewSignedInPageAsync("staff4@oobc.gov.ph", CalendarActions.CalendarPath(monday));
        await using var _ = guestContext;
        await guest.WaitForCalendarAsync();
        var (organizerContext, organizer) = await fixture.NewSignedInPageAsync("manager.ops@oobc.gov.ph", CalendarActions.CalendarPath(monday));
        await using var __ = organizerContext;
        await organizer.WaitForCalendarAsync();

        await organizer.QuickAddWithAsync(string.Create(CultureInfo.InvariantCulture, $"{title} on {day:MMMM d yyyy} at 11am with Sittie"), "Sittie Abdullah");

        // The guest's open calendar receives it live and they answer "No" in its details.
        await (await guest.EntryOnDayAsync(title, day)).ClickAsync();
        var details = guest.GetByRole(AriaRole.Dialog);
        await Expect(details.GetByTestId("details-title")).ToHaveTextAsync(title);
        await details.GetByText("No", new() { Exact = true }).ClickAsync();
        await Expect(guest.GetByText("Answer saved: Declined.")).ToBeVisibleAsync();
        await details.GetByTestId("details-close").ClickAsync();
        await Expect(guest.CalendarEntry(title)).ToHaveCountAsync(0);

        await guest.GetByText("Show events I declined", new() { Exact = true }).ClickAsync();
        var declined = await guest.EntryOnDayAsync(title, day);
        await Expect(declined).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("oobc-declined"));
        // The choice is the guest's to keep: put it back for the next journey that signs in as them.
        await guest.GetByText("Show events I declined", new() { Exact = true }).ClickAsync();
        await Expect(guest.CalendarEntry(title)).ToHaveCountAsync(0);

        await (await organizer.EntryOnDayAsync(title, day)).ClickAsync();
        var person = organizer.GetByRole(AriaRole.Dialog).GetByTestId("details-participant").Filter(new() { HasText = "Sittie Abdullah" });
        await Expect(person.GetByTestId("participant-response")).ToHaveTextAsync("Declined");
    }
}
