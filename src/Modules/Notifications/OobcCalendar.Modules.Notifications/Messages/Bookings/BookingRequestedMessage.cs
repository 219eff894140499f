using OobcCalendar.Modules.Notifications.Messages.Rendering;

namespace OobcCalendar.Modules.Notifications.Messages.Bookings;

/// <summary>A booking waits for the recipient's decision (sent to each of the resource's approvers).</summary>
internal sealed record BookingRequestedModel(
    Guid BookingId, string ResourceName, string RequesterName, DateTimeOffset StartUtc, DateTimeOffset EndUtc, string Purpose);

internal sealed class BookingRequestedMessage : MessageType<BookingRequestedModel, BookingRequestedEmail>
{
    public const string TypeKey = "booking.requested";

    public override string Key => TypeKey;

    public override string Name => "Booking waiting for my approval";

    protected override BookingRequestedModel SampleModel(DateTimeOffset now) =>
        new(Guid.Empty, "Conference Room A", "Amina Staff", now.AddDays(1), now.AddDays(1).AddHours(2), "Quarterly planning");

    protected override string Subject(BookingRequestedModel model, MessageContext context) =>
        $"Approval needed: {model.ResourceName}, {context.Range(model.StartUtc, model.EndUtc)}";

    protected override string Text(BookingRequestedModel model, MessageContext context) => $"""
        Hello {context.RecipientName},

        {model.RequesterName} asked for {model.ResourceName}.
        When: {context.Range(model.StartUtc, model.EndUtc)}
        Purpose: {model.Purpose}

        Approve or reject it: {context.Url(Link(model))}
        """;

    protected override string Summary(BookingRequestedModel model, MessageContext context) =>
        $"{model.RequesterName} asked for {model.ResourceName} on {context.Range(model.StartUtc, model.EndUtc)}.";

    protected override string Link(BookingRequestedModel model) => "/resources/approvals";
}
