using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Modules.Notifications.Messages.Rendering;
using Shouldly;

namespace OobcCalendar.Modules.Notifications.Tests.Features;

/// <summary>Every registered message type renders its sample (what the Admin preview shows) through the HtmlRenderer.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class MessageSamplesTests(NotificationsFixture fixture)
{
    [Fact]
    public async Task RenderAsync_WhenEachTypesSampleIsRendered_ThenHtmlAndTextAreFilledAndNoMarkupLeaksIntoText()
    {
        var types = fixture.App.Services.GetRequiredService<MessageTypes>();
        var renderer = fixture.App.Services.GetRequiredService<MessageRenderer>();
        var context = new MessageContext("Preview Person", TimeZoneInfo.FindSystemTimeZoneById("Asia/Manila"), "https://calendar.test");

        types.All.Select(t => t.Key).ShouldBe(["booking.requested", "booking.decided", "leave.requested", "leave.decided", "sharing.link-expiry", "event.invitation", "event.updated", "event.cancelled", "event.reminder", "digest.daily", "digest.weekly"]);
        foreach (var type in types.All)
        {
            var rendered = await renderer.RenderAsync(type.Sample(NotificationsFixture.Now), context);

            rendered.Type.ShouldBe(type.Key);
            rendered.Subject.ShouldNotBeNullOrWhiteSpace();
            rendered.Html.ShouldContain("Hello Preview Person,");
            rendered.Html.ShouldContain("max-width:600px");
            rendered.Text.ShouldStartWith("Hello Preview Person,");
            rendered.Text.ShouldNotContain("<");
            rendered.Link.ShouldStartWith("/");
            rendered.Html.ShouldContain($"href=\"https://calendar.test{rendered.Link}\"");
        }
    }

    [Fact]
    public async Task DailyDigest_WhenRequestsWaitForTheReader_ThenSaysHowManyOfEachAndLinksToWhereTheyAreDecided()
    {
        var renderer = fixture.App.Services.GetRequiredService<MessageRenderer>();
        var context = new MessageContext("Approver Person", TimeZoneInfo.FindSystemTimeZoneById("Asia/Manila"), "https://calendar.test");
        var day = new DateOnly(2027, 3, 2);
        var waiting = new Messages.Digests.DailyDigestModel(day, [], 0, [], [], new Messages.Digests.DigestApprovals(2, 1));
        var nothing = waiting with { Approvals = null };

        var rendered = await renderer.RenderAsync(waiting, context);

        rendered.Html.ShouldContain("Waiting for your decision");
        rendered.Html.ShouldContain("2 booking requests");
        rendered.Html.ShouldContain("href=\"https://calendar.test/resources/approvals\"");
        rendered.Html.ShouldContain("1 leave request");
        rendered.Html.ShouldContain("href=\"https://calendar.test/leave/approvals\"");
        rendered.Text.ShouldContain("1 leave request: https://calendar.test/leave/approvals");
        waiting.IsEmpty.ShouldBeFalse("an approver with requests waiting gets a digest even on a day without events");
        nothing.IsEmpty.ShouldBeTrue();
        (await renderer.RenderAsync(waiting with { Approvals = new(0, 3) }, context)).Html.ShouldNotContain("booking request");
    }
}
