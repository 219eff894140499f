using System.Globalization;
using OobcCalendar.Modules.Notifications.Messages.Rendering;

namespace OobcCalendar.Modules.Notifications.Messages.Events;

/// <summary>An occurrence of <see cref="EventId"/> starts at <see cref="StartUtc"/>, <see cref="OffsetMinutes"/> from when this is sent.</summary>
internal sealed record EventReminderModel(Guid EventId, string Title, string? Location, DateTimeOffset StartUtc, DateTimeOffset EndUtc, int OffsetMinutes);

internal sealed class EventReminderMessage : MessageType<EventReminderModel, EventReminderEmail>
{
    public const string TypeKey = "event.reminder";

    public override string Key => TypeKey;

    public override string Name => "Reminder before an event";

    protected override EventReminderModel SampleModel(DateTimeOffset now) =>
        new(Guid.Empty, "Quarterly planning", "Conference room A", now.AddMinutes(15), now.AddMinutes(75), 15);

    /// <summary>"15 minutes", "2 hours", "1 day".</summary>
    internal static string Lead(int minutes) => minutes switch
    {
        _ when minutes % 1440 == 0 => Plural(minutes / 1440, "day"),
        _ when minutes % 60 == 0 => Plural(minutes / 60, "hour"),
        _ => Plural(minutes, "minute"),
    };

    internal static string Headline(EventReminderModel model) => $"\"{model.Title}\" starts in {Lead(model.OffsetMinutes)}";

    protected override string Subject(EventReminderModel model, MessageContext context) => $"Reminder: {Headline(model)}";

    protected override string Text(EventReminderModel model, MessageContext context) => $"""
        Hello {context.RecipientName},

        {Headline(model)}.
        When: {context.Range(model.StartUtc, model.EndUtc)}
        Where: {model.Location ?? "-"}

        Your calendar: {context.Url(Link(model))}
        """;

    protected override string Summary(EventReminderModel model, MessageContext context) =>
        $"{Headline(model)}: {context.Range(model.StartUtc, model.EndUtc)}{(model.Location is null ? "" : $", {model.Location}")}.";

    protected override string Link(EventReminderModel model) => "/calendar";

    private static string Plural(int n, string unit) => n.ToString(CultureInfo.InvariantCulture) + " " + unit + (n == 1 ? "" : "s");
}
