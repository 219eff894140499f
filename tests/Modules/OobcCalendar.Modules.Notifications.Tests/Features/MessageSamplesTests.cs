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
}
