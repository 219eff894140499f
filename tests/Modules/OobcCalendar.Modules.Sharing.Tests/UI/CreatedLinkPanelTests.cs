using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using OobcCalendar.Modules.Sharing.UI.Pages;
using Shouldly;

namespace OobcCalendar.Modules.Sharing.Tests.UI;

/// <summary>
/// The panel that shows a link's secret once (after create or regenerate): page, webcal:// and https:// feed addresses with
/// copy buttons, a QR of the page drawn in the page itself, and an embed snippet only for links that may be framed.
/// </summary>
public sealed class CreatedLinkPanelTests : BunitContext, IAsyncLifetime
{
    private const string Token = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde";

    public CreatedLinkPanelTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void For_OnTheOfficesAddress_GivesTheWebcalAndHttpsFeedOfTheSameToken()
    {
        var view = CreatedLinkPanel.CreatedView.For("https://calendar.oobc.gov.ph/", Token, embed: false);

        view.PageUrl.ShouldBe($"https://calendar.oobc.gov.ph/s/{Token}");
        view.FeedUrl.ShouldBe($"https://calendar.oobc.gov.ph/share/{Token}.ics");
        view.WebcalUrl.ShouldBe($"webcal://calendar.oobc.gov.ph/share/{Token}.ics");
    }

    [Fact]
    public void Render_WhenEmbeddingNotAllowed_ThenAddressesCopyButtonsAndQrButNoSnippet()
    {
        var panel = Render<CreatedLinkPanel>(p => p.Add(c => c.Token, Token).Add(c => c.AllowEmbed, false));

        panel.Find("[data-testid=share-created-url]").GetAttribute("value").ShouldBe($"http://localhost/s/{Token}");
        panel.Find("[data-testid=share-created-webcal]").GetAttribute("value").ShouldBe($"webcal://localhost/share/{Token}.ics");
        panel.Find("[data-testid=share-created-feed]").GetAttribute("value").ShouldBe($"http://localhost/share/{Token}.ics");
        panel.FindAll("button[aria-label^=Copy]").Count.ShouldBe(3);
        panel.Find("[data-testid=share-created-qr]").GetAttribute("src")!.ShouldStartWith("data:image/png;base64,");
        panel.FindAll("[data-testid=share-created-embed]").ShouldBeEmpty();
    }

    [Fact]
    public void Render_WhenEmbeddingAllowed_ThenOffersAnIframeSnippetThatSendsNoReferrer()
    {
        var panel = Render<CreatedLinkPanel>(p => p.Add(c => c.Token, Token).Add(c => c.AllowEmbed, true));

        var field = panel.Find("[data-testid=share-created-embed]");
        var snippet = field.GetAttribute("value") ?? field.TextContent;
        snippet.ShouldContain($"<iframe src=\"http://localhost/s/{Token}\"");
        snippet.ShouldContain("referrerpolicy=\"no-referrer\"");
        panel.FindAll("button[aria-label^=Copy]").Count.ShouldBe(4);
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
