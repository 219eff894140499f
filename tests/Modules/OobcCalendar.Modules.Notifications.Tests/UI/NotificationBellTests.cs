using Bunit;
using OobcCalendar.Modules.Notifications.Contracts;
using OobcCalendar.Modules.Notifications.Features.InApp;
using OobcCalendar.Modules.Notifications.UI.Components;
using OobcCalendar.Shared.LiveUpdates;
using Shouldly;

namespace OobcCalendar.Modules.Notifications.Tests.UI;

/// <summary>The app bar's bell around ListMyNotifications and the in-app live topic.</summary>
public sealed class NotificationBellTests : NotificationsUiContext
{
    private MyNotifications mine = new(0, []);

    public NotificationBellTests() => Mediator.Answer<ListMyNotifications>(_ => mine);

    [Fact]
    public void Bell_WhenNothingIsUnread_ShowsNoCount()
    {
        var bell = Render<NotificationBell>();

        bell.FindAll("[data-testid=bell-count]").ShouldBeEmpty();
        bell.Find("[data-testid=bell-button]").GetAttribute("aria-label").ShouldBe("Notifications, none unread");
    }

    [Fact]
    public async Task Bell_WhenANotificationArrivesLive_CountsItWithoutReload()
    {
        mine = new MyNotifications(2, [Line("Booking to approve"), Line("Leave to approve")]);
        var bell = Render<NotificationBell>();
        bell.Find("[data-testid=bell-count]").TextContent.ShouldBe("2");

        mine = new MyNotifications(3, [Line("New one"), .. mine.Items]);
        await bell.InvokeAsync(() => Live.PublishAsync(new LiveUpdate(NotificationsTopics.InApp, Guid.NewGuid().ToString(), "created", [MeId]), CancellationToken.None));

        bell.Find("[data-testid=bell-count]").TextContent.ShouldBe("3");
        bell.Find("[data-testid=bell-button]").GetAttribute("aria-label").ShouldBe("Notifications, 3 unread");
        Mediator.Sent.OfType<ListMyNotifications>().ShouldAllBe(q => q.Take == NotificationBell.Recent);
    }

    [Fact]
    public async Task Bell_WhenAnotherPersonsNoticeArrives_DoesNotAskAgain()
    {
        var bell = Render<NotificationBell>();
        var asked = Mediator.Sent.Count;

        await bell.InvokeAsync(() => Live.PublishAsync(new LiveUpdate(NotificationsTopics.InApp, null, "created", [Guid.NewGuid()]), CancellationToken.None));

        Mediator.Sent.Count.ShouldBe(asked);
    }

    [Fact]
    public void Bell_WhenALineWrittenAheadComesDue_CountsItThenWithoutANotice()
    {
        // A queued reminder's line shows at its due time: no notice is sent then, the bell looks again by itself.
        var due = Clock.GetUtcNow().AddSeconds(30);
        mine = new MyNotifications(0, [], NextAt: due);
        var bell = Render<NotificationBell>();
        bell.FindAll("[data-testid=bell-count]").ShouldBeEmpty();

        mine = new MyNotifications(1, [Line("Reminder: Board prep at 9:00 AM")]);
        Clock.Advance(TimeSpan.FromSeconds(29));
        bell.FindAll("[data-testid=bell-count]").ShouldBeEmpty();
        Clock.Advance(TimeSpan.FromSeconds(1));

        bell.WaitForAssertion(() => bell.Find("[data-testid=bell-count]").TextContent.ShouldBe("1"));
    }

    [Fact]
    public void Bell_WhenOverNinetyNineAreUnread_Shows99Plus()
    {
        mine = new MyNotifications(150, [Line("Many")]);

        Render<NotificationBell>().Find("[data-testid=bell-count]").TextContent.ShouldBe("99+");
    }

    private static NotificationItem Line(string title) =>
        new(Guid.NewGuid(), "booking.requested", title, "Body", "/resources/approvals", new DateTimeOffset(2027, 3, 1, 7, 50, 0, TimeSpan.FromHours(8)), null);
}
