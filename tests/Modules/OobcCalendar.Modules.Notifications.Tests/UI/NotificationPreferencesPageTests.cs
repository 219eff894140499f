using Bunit;
using Mediator;
using OobcCalendar.Modules.Notifications.Features.Preferences;
using OobcCalendar.Modules.Notifications.UI.Pages;
using OobcCalendar.Shared.Errors;
using Shouldly;

namespace OobcCalendar.Modules.Notifications.Tests.UI;

/// <summary>The preference centre's validation: bad input shows its reason and sends nothing; good input is saved as chosen.</summary>
public sealed class NotificationPreferencesPageTests : NotificationsUiContext
{
    private NotificationPreferencesDto saved = new([15], [], [], null, null, true, new TimeOnly(7, 0), false, null, "Asia/Manila");

    public NotificationPreferencesPageTests()
    {
        Mediator.Answer<GetMyNotificationPreferences>(_ => saved);
        Mediator.Answer<SaveMyNotificationPreferences>(_ => Unit.Value);
    }

    [Theory]
    [InlineData("0", "A reminder must come at least one minute before the event.")]
    [InlineData("-5", "A reminder must come at least one minute before the event.")]
    [InlineData("40321", "A reminder can come at most 4 weeks before the event.")]
    [InlineData("15", "That reminder is already in your list.")]
    public void AddCustomOffset_WhenOutOfRange_ShowsWhyAndAddsNothing(string minutes, string message)
    {
        var page = Render<NotificationPreferencesPage>();

        page.Find("input[data-testid=custom-amount], [data-testid=custom-amount] input").Change(minutes);
        page.Find("[data-testid=custom-add]").Click();

        page.Find("[data-testid=custom-error]").TextContent.ShouldBe(message);
        page.FindAll("[data-testid^=offset-][data-selected=true]").Count.ShouldBe(1);
        Mediator.Sent.OfType<SaveMyNotificationPreferences>().ShouldBeEmpty();
    }

    [Fact]
    public void AddCustomOffset_WhenFourWeeksExactly_JoinsTheList()
    {
        var page = Render<NotificationPreferencesPage>();

        page.Find("input[data-testid=custom-amount], [data-testid=custom-amount] input").Change("40320");
        page.Find("[data-testid=custom-add]").Click();

        page.Find("[data-testid=offset-40320]").GetAttribute("data-selected").ShouldBe("true");
        page.Find("[data-testid=offset-40320]").TextContent.ShouldContain("28 days before");
    }

    [Fact]
    public void Save_WhenQuietHoursStartAndEndAlike_ListsTheReasonAndSendsNothing()
    {
        saved = saved with { QuietStart = new TimeOnly(22, 0), QuietEnd = new TimeOnly(22, 0) };
        var page = Render<NotificationPreferencesPage>();

        page.Find("[data-testid=preferences-save]").Click();

        page.Find("[data-testid=preferences-errors]").TextContent.ShouldContain("Quiet hours must end at a different time than they start.");
        Mediator.Sent.OfType<SaveMyNotificationPreferences>().ShouldBeEmpty();
    }

    [Fact]
    public void Save_WhenTheServerRefuses_ShowsItsReasons()
    {
        Mediator.Answer<SaveMyNotificationPreferences>(_ => throw new InputValidationException(
            new Dictionary<string, string[]> { ["Preferences"] = ["'Mars/Olympus' is not a time zone this server knows."] }));
        var page = Render<NotificationPreferencesPage>();

        page.Find("[data-testid=preferences-save]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=preferences-errors]").TextContent.ShouldContain("Mars/Olympus"));
    }

    [Fact]
    public void Save_WhenValid_SendsTheChoicesAsShown()
    {
        saved = saved with { QuietStart = new TimeOnly(22, 0), QuietEnd = new TimeOnly(7, 0) };
        var page = Render<NotificationPreferencesPage>();

        page.Find("[data-testid=offset-60]").Click();
        page.Find("[data-testid=offset-15]").Click();
        page.Find("input[data-testid='email-booking.requested'], [data-testid='email-booking.requested'] input").Change(false);
        page.Find("[data-testid=preferences-save]").Click();

        var sent = Mediator.Sent.OfType<SaveMyNotificationPreferences>().ShouldHaveSingleItem().Preferences;
        sent.ReminderOffsets.ShouldBe([60]);
        sent.EmailOff.ShouldBe(["booking.requested"]);
        sent.InAppOff.ShouldBeEmpty();
        (sent.QuietStart, sent.QuietEnd).ShouldBe((new TimeOnly(22, 0), new TimeOnly(7, 0)));
        page.Find("[data-testid=quiet-explained]").TextContent.ShouldContain("the next morning");
    }
}
