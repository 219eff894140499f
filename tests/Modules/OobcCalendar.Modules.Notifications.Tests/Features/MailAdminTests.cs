using OobcCalendar.Modules.Notifications.Domain.Messages;
using OobcCalendar.Modules.Notifications.Features.Mail;
using OobcCalendar.Modules.Notifications.Messages.Rendering;
using OobcCalendar.Shared.Errors;
using Shouldly;

namespace OobcCalendar.Modules.Notifications.Tests.Features;

/// <summary>The Admin Mail page's queries on real PostgreSQL: search, status counts, the stored parts, samples, and who may ask.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class MailAdminTests(NotificationsFixture fixture)
{
    [Fact]
    public async Task ListOutgoingMessages_WhenSearchedBySubject_FindsOnlyThatMessageAndCountsFollowTheSearch()
    {
        var label = Facts.Unique("Mail page");
        await fixture.DeliverAsync(Facts.ShareExpired(fixture.StaffNo(2).Id, label));

        var page = await fixture.SendAs<OutgoingMessagesPage>(fixture.Admin, new ListOutgoingMessages(Search: label));
        var none = await fixture.SendAs<OutgoingMessagesPage>(fixture.Admin, new ListOutgoingMessages(MessageStatus.DeadLetter, Search: label));
        var wildcard = await fixture.SendAs<OutgoingMessagesPage>(fixture.Admin, new ListOutgoingMessages(Search: label[..^1] + "%"));

        var line = page.Items.ShouldHaveSingleItem();
        line.Subject.ShouldContain(label);
        line.Type.ShouldBe("sharing.link-expiry");
        page.Total.ShouldBe(1);
        page.Counts.Values.Sum().ShouldBe(1);
        none.Items.ShouldBeEmpty();
        none.Total.ShouldBe(0);
        wildcard.Items.ShouldBeEmpty(); // a typed "%" is a percent sign, not "anything"
    }

    [Fact]
    public async Task GetOutgoingMessage_WhenAdminAsks_ReturnsBothPartsAsStored()
    {
        var label = Facts.Unique("Mail parts");
        await fixture.DeliverAsync(Facts.ShareExpiring(fixture.StaffNo(2).Id, label));
        var line = (await fixture.SendAs<OutgoingMessagesPage>(fixture.Admin, new ListOutgoingMessages(Search: label))).Items.Single();

        var detail = await fixture.SendAs<OutgoingMessageDetail>(fixture.Admin, new GetOutgoingMessage(line.Id));

        (detail.Line.Id, detail.Line.Subject, detail.Line.RecipientEmail).ShouldBe((line.Id, line.Subject, "staff2@oobc.gov.ph"));
        detail.Html.ShouldContain(label);
        detail.Text.ShouldContain(label);
        detail.Attachments.ShouldBeEmpty();
    }

    [Fact]
    public async Task MailQueries_WhenNotAdmin_AreRefused()
    {
        var staff = fixture.StaffNo(2);

        await Should.ThrowAsync<ForbiddenException>(() => fixture.SendAs<OutgoingMessagesPage>(staff, new ListOutgoingMessages()));
        await Should.ThrowAsync<ForbiddenException>(() => fixture.SendAs<OutgoingMessageDetail>(staff, new GetOutgoingMessage(Guid.NewGuid())));
        await Should.ThrowAsync<ForbiddenException>(() => fixture.SendAs<RenderedMessage>(staff, new PreviewMessageType("sharing.link-expiry")));
    }

    [Fact]
    public async Task PreviewMessageType_ForEveryType_RendersItsSample_AndAnUnknownKeyIsNotFound()
    {
        var types = fixture.App.Services.GetService(typeof(MessageTypes)) as MessageTypes;

        foreach (var type in types.ShouldNotBeNull().All)
        {
            var sample = await fixture.SendAs<RenderedMessage>(fixture.Admin, new PreviewMessageType(type.Key));
            sample.Type.ShouldBe(type.Key);
            sample.Html.ShouldStartWith("<!DOCTYPE html>");
            sample.Text.ShouldNotBeNullOrWhiteSpace();
        }

        await Should.ThrowAsync<NotFoundException>(() => fixture.SendAs<RenderedMessage>(fixture.Admin, new PreviewMessageType("no.such.type")));
    }
}
