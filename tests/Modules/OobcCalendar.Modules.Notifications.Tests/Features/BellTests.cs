using OobcCalendar.Modules.Notifications.Features.InApp;
using Shouldly;

namespace OobcCalendar.Modules.Notifications.Tests.Features;

[Collection(NotificationsCollection.Name)]
public sealed class BellTests(NotificationsFixture fixture)
{
    [Fact]
    public async Task MarkNotificationsRead_WhenOneThenAll_ThenTheUnreadCountFallsAndOthersLinesStayUnread()
    {
        // Nobody else in these tests writes to the desk account.
        var me = fixture.DemoUser("desk1@oobc.gov.ph");
        var other = fixture.StaffNo(1);
        await fixture.DeliverAsync(Facts.ShareExpiring(me.Id, Facts.Unique("Bell one")));
        await fixture.DeliverAsync(Facts.ShareExpired(me.Id, Facts.Unique("Bell two")));
        await fixture.DeliverAsync(Facts.ShareExpired(other.Id, Facts.Unique("Not mine")));
        var otherBefore = (await fixture.SendAs<MyNotifications>(other, new ListMyNotifications())).UnreadCount;

        var before = await fixture.SendAs<MyNotifications>(me, new ListMyNotifications());
        var one = await fixture.SendAs<int>(me, new MarkNotificationsRead([before.Items[0].Id]));
        var middle = await fixture.SendAs<MyNotifications>(me, new ListMyNotifications(UnreadOnly: true));
        var rest = await fixture.SendAs<int>(me, new MarkNotificationsRead(null));
        var after = await fixture.SendAs<MyNotifications>(me, new ListMyNotifications());

        before.UnreadCount.ShouldBe(2);
        before.Items.Count.ShouldBe(2);
        before.Items.ShouldAllBe(i => i.Link == "/sharing" && i.ReadAt == null);
        one.ShouldBe(1);
        middle.UnreadCount.ShouldBe(1);
        middle.Items.ShouldHaveSingleItem().Id.ShouldBe(before.Items[1].Id);
        rest.ShouldBe(1);
        after.UnreadCount.ShouldBe(0);
        after.Items.ShouldAllBe(i => i.ReadAt != null);
        (await fixture.SendAs<MyNotifications>(other, new ListMyNotifications())).UnreadCount.ShouldBe(otherBefore);
    }
}
