using OobcCalendar.Modules.Notifications.Messages.Rendering;

namespace OobcCalendar.Modules.Notifications.Messages.Bookings;

/// <summary>The requester's booking was approved or rejected (<see cref="Reason"/> set when rejected).</summary>
internal sealed record BookingDecidedModel(
    Guid BookingId, string ResourceName, bool Approved, string DeciderName, DateTimeOffset StartUtc, DateTimeOffset EndUtc, string? Reason);

internal sealed class BookingDecidedMessage : MessageType<BookingDecidedModel, BookingDecidedEmail>
{
    public const string TypeKey = "booking.decided";

    public override string Key => TypeKey;

    public override string Name => "My booking approved or rejected";

    protected override BookingDecidedModel SampleModel(DateTimeOffset now) =>
        new(Guid.Empty, "Service Van 1", false, "Omar Manager", now.AddDays(2), now.AddDays(2).AddHours(4), "The van is at the workshop that day.");

    internal static string Outcome(BookingDecidedModel model) => model.Approved ? "approved" : "rejected";

    protected override string Subject(BookingDecidedModel model, MessageContext context) =>
        $"Booking {Outcome(model)}: {model.ResourceName}, {context.Range(model.StartUtc, model.EndUtc)}";

    protected override string Text(BookingDecidedModel model, MessageContext context) => $"""
        Hello {context.RecipientName},

        {model.DeciderName} {Outcome(model)} your booking of {model.ResourceName}.
        When: {context.Range(model.StartUtc, model.EndUtc)}
        {(model.Reason is { Length: > 0 } reason ? $"Reason: {reason}" : string.Empty)}

        Your bookings: {context.Url(Link(model))}
        """;

    protected override string Summary(BookingDecidedModel model, MessageContext context) =>
        $"{model.DeciderName} {Outcome(model)} your booking of {model.ResourceName} ({context.Range(model.StartUtc, model.EndUtc)}).";

    protected override string Link(BookingDecidedModel model) => "/resources/bookings";
}
