using OobcCalendar.Modules.Notifications.Messages.Rendering;

namespace OobcCalendar.Modules.Notifications.Messages.Sharing;

/// <summary>The owner's share link stopped working (<see cref="Expired"/>) or will at <see cref="At"/>.</summary>
internal sealed record ShareLinkExpiryModel(Guid LinkId, string Label, DateTimeOffset At, bool Expired);

internal sealed class ShareLinkExpiryMessage : MessageType<ShareLinkExpiryModel, ShareLinkExpiryEmail>
{
    public const string TypeKey = "sharing.link-expiry";

    public override string Key => TypeKey;

    public override string Name => "My share link expired or about to";

    protected override ShareLinkExpiryModel SampleModel(DateTimeOffset now) => new(Guid.Empty, "Board calendar for partners", now.AddDays(3), false);

    internal static string Headline(ShareLinkExpiryModel model) =>
        model.Expired ? $"Your share link \"{model.Label}\" has expired" : $"Your share link \"{model.Label}\" expires soon";

    internal static string Detail(ShareLinkExpiryModel model, MessageContext context) =>
        model.Expired
            ? $"It stopped working on {context.When(model.At)}. Make a new link if people still need it."
            : $"It stops working on {context.When(model.At)}. Make a new link before then if people still need it.";

    protected override string Subject(ShareLinkExpiryModel model, MessageContext context) => Headline(model);

    protected override string Text(ShareLinkExpiryModel model, MessageContext context) => $"""
        Hello {context.RecipientName},

        {Headline(model)}.
        {Detail(model, context)}

        Your share links: {context.Url(Link(model))}
        """;

    protected override string Summary(ShareLinkExpiryModel model, MessageContext context) => $"{Headline(model)}. {Detail(model, context)}";

    protected override string Link(ShareLinkExpiryModel model) => "/sharing";
}
