using OobcCalendar.Modules.Notifications.Messages.Rendering;

namespace OobcCalendar.Modules.Notifications.Messages.Events;

/// <summary>What invitations, updates and cancellations say about an event (or one occurrence, or a series).</summary>
internal abstract record EventChangeModel(Guid EventId, string Title, string? Location, DateTimeOffset StartUtc, DateTimeOffset EndUtc, string OrganizerName, bool Series)
{
    /// <summary>"Invitation", "Updated", "Cancelled": the subject's first word.</summary>
    public abstract string Kind { get; }

    /// <summary>The e-mail's headline.</summary>
    public abstract string Headline { get; }
}

/// <summary>You were invited (a new event, or added to one).</summary>
internal sealed record EventInvitationModel(Guid EventId, string Title, string? Location, DateTimeOffset StartUtc, DateTimeOffset EndUtc, string OrganizerName, bool Series)
    : EventChangeModel(EventId, Title, Location, StartUtc, EndUtc, OrganizerName, Series)
{
    public override string Kind => "Invitation";

    public override string Headline => $"{OrganizerName} invites you to \"{Title}\"";
}

/// <summary>An event you take part in changed (time, place, title or people).</summary>
internal sealed record EventUpdatedModel(Guid EventId, string Title, string? Location, DateTimeOffset StartUtc, DateTimeOffset EndUtc, string OrganizerName, bool Series)
    : EventChangeModel(EventId, Title, Location, StartUtc, EndUtc, OrganizerName, Series)
{
    public override string Kind => "Updated";

    public override string Headline => $"\"{Title}\" has changed";
}

/// <summary>An event (or an occurrence) you take part in was cancelled.</summary>
internal sealed record EventCancelledModel(Guid EventId, string Title, string? Location, DateTimeOffset StartUtc, DateTimeOffset EndUtc, string OrganizerName, bool Series)
    : EventChangeModel(EventId, Title, Location, StartUtc, EndUtc, OrganizerName, Series)
{
    public override string Kind => "Cancelled";

    public override string Headline => $"\"{Title}\" was cancelled";
}

/// <summary>Texts shared by the three event-change types.</summary>
internal abstract class EventChangeMessage<TModel> : MessageType<TModel, EventChangeEmail>
    where TModel : EventChangeModel
{
    protected override string Subject(TModel model, MessageContext context) => $"{model.Kind}: {model.Title} ({context.When(model.StartUtc)})";

    protected override string Text(TModel model, MessageContext context) => $"""
        Hello {context.RecipientName},

        {model.Headline}.
        When: {context.Range(model.StartUtc, model.EndUtc)}{(model.Series ? " (repeats)" : "")}
        Where: {model.Location ?? "-"}
        Organizer: {model.OrganizerName}

        Your calendar: {context.Url(Link(model))}
        """;

    protected override string Summary(TModel model, MessageContext context) => $"{model.Headline}: {context.Range(model.StartUtc, model.EndUtc)}.";

    protected override string Link(TModel model) => "/calendar";
}

internal sealed class EventInvitationMessage : EventChangeMessage<EventInvitationModel>
{
    public const string TypeKey = "event.invitation";

    public override string Key => TypeKey;

    public override string Name => "Invitation to an event";

    protected override EventInvitationModel SampleModel(DateTimeOffset now) =>
        new(Guid.Empty, "Quarterly planning", "Conference room A", now.AddDays(2), now.AddDays(2).AddHours(1), "Maria Santos", false);
}

internal sealed class EventUpdatedMessage : EventChangeMessage<EventUpdatedModel>
{
    public const string TypeKey = "event.updated";

    public override string Key => TypeKey;

    public override string Name => "An event I take part in changed";

    protected override EventUpdatedModel SampleModel(DateTimeOffset now) =>
        new(Guid.Empty, "Quarterly planning", "Conference room B", now.AddDays(2).AddHours(1), now.AddDays(2).AddHours(2), "Maria Santos", false);
}

internal sealed class EventCancelledMessage : EventChangeMessage<EventCancelledModel>
{
    public const string TypeKey = "event.cancelled";

    public override string Key => TypeKey;

    public override string Name => "An event I take part in was cancelled";

    protected override EventCancelledModel SampleModel(DateTimeOffset now) =>
        new(Guid.Empty, "Quarterly planning", "Conference room A", now.AddDays(2), now.AddDays(2).AddHours(1), "Maria Santos", false);
}
