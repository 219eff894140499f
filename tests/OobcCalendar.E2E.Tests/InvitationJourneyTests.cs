using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OobcCalendar.E2E.Tests;

/// <summary>
/// An invitation from both sides: the invited colleague finds it on their calendar, declines it, finds it again with
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
        var (organizerContext, organizer) = await fixture.OpenCalendarAsync("manager.ops@oobc.gov.ph", monday);
        await using var __ = organizerContext;
        await organizer.QuickAddWithAsync(string.Create(CultureInfo.InvariantCulture, $"{title} on {day:MMMM d yyyy} at 11am with Sittie"), "Sittie Abdullah");

        // The guest finds it on their calendar (arriving live is CalendarJourneyTests' job) and answers "No".
        var (guestContext, guest) = await fixture.OpenCalendarAsync("staff4@oobc.gov.ph", monday);
        await using var _ = guestContext;
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

    [Fact]
    public async Task RepeatingInvitation_WhenOneOccurrenceIsDeclined_ThenOnlyThatWeekLeavesTheGuestsCalendar()
    {
        var monday = CalendarActions.Monday(22);
        var day = monday.AddDays(2);
        var title = $"Weekly check-in {Guid.NewGuid().ToString("N")[..6]}";
        var (organizerContext, organizer) = await fixture.OpenCalendarAsync("manager.programs@oobc.gov.ph", monday);
        await using var _ = organizerContext;
        await organizer.QuickAddWithAsync(string.Create(CultureInfo.InvariantCulture, $"{title} on {day:MMMM d yyyy} at 2pm with Miguel"), "Miguel Santos");

        // The organizer makes it weekly from its details.
        await (await organizer.EntryOnDayAsync(title, day)).ClickAsync();
        await organizer.GetByRole(AriaRole.Dialog).GetByTestId("details-edit").ClickAsync();
        var editor = organizer.GetByRole(AriaRole.Dialog).Filter(new() { Has = organizer.GetByTestId("event-title") });
        await editor.GetByText("Repeats", new() { Exact = true }).ClickAsync();
        await Expect(editor.GetByTestId("recurrence-summary")).ToContainTextAsync("Every week on");
        await editor.GetByTestId("editor-save").ClickAsync();
        await Expect(organizer.GetByText("Event saved.")).ToBeVisibleAsync();

        // The guest cannot come in the second week, and says so for that week only.
        var (guestContext, guest) = await fixture.OpenCalendarAsync("staff5@oobc.gov.ph", monday.AddDays(7));
        await using var __ = guestContext;
        await (await guest.EntryOnDayAsync(title, day.AddDays(7))).ClickAsync();
        await guest.GetByRole(AriaRole.Dialog).GetByText("No", new() { Exact = true }).ClickAsync();
        var scope = guest.GetByRole(AriaRole.Dialog, new() { Name = "Answer for a repeating event" });
        await Expect(scope.GetByText("This and following occurrences")).ToHaveCountAsync(0);
        await guest.ScreenshotAsync(new() { Path = Path.Combine(fixture.ScreenshotFolder, "rsvp-scope-dialog-desktop.png"), Animations = ScreenshotAnimations.Disabled });
        await guest.SetViewportSizeAsync(BrowserFixture.Phone.Width, BrowserFixture.Phone.Height);
        await Expect(scope.GetByTestId("scope-confirm")).ToBeVisibleAsync();
        await guest.ScreenshotAsync(new() { Path = Path.Combine(fixture.ScreenshotFolder, "rsvp-scope-dialog-phone.png"), Animations = ScreenshotAnimations.Disabled });
        await guest.SetViewportSizeAsync(BrowserFixture.Desktop.Width, BrowserFixture.Desktop.Height);
        await scope.GetByText("This occurrence", new() { Exact = true }).ClickAsync();
        await scope.GetByTestId("scope-confirm").ClickAsync();
        await Expect(guest.GetByText("Answer saved: Declined.")).ToBeVisibleAsync();
        await guest.GetByTestId("details-close").ClickAsync();

        await Expect(guest.CalendarEntry(title)).ToHaveCountAsync(0);
        await guest.GetByTestId("calendar-prev").ClickAsync();
        await guest.EntryOnDayAsync(title, day);

        await organizer.GetByTestId("calendar-next").ClickAsync();
        await (await organizer.EntryOnDayAsync(title, day.AddDays(7))).ClickAsync();
        var person = organizer.GetByRole(AriaRole.Dialog).GetByTestId("details-participant").Filter(new() { HasText = "Miguel Santos" });
        await Expect(person.GetByTestId("participant-response")).ToHaveTextAsync("Declined");
    }
}
