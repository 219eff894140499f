using Microsoft.AspNetCore.Components;

namespace OobcCalendar.Modules.Notifications.Messages.Rendering;

/// <summary>
/// One kind of message: its key (stored on rows, used in preferences and dedupe keys), its Razor component for the
/// HTML part, and its subject, plain-text part, one-line in-app summary and link. Sample data lets Admin preview it.
/// Add a type by subclassing <see cref="MessageType{TModel,TComponent}"/> and listing it in <see cref="MessageTypes"/>.
/// </summary>
internal abstract class MessageType
{
    /// <summary>Stable key, e.g. <c>booking.requested</c>; never renamed (rows and preferences keep it).</summary>
    public abstract string Key { get; }

    /// <summary>Name people see on the preference page and the Admin preview.</summary>
    public abstract string Name { get; }

    /// <summary>The model record the component and texts take.</summary>
    public abstract Type ModelType { get; }

    /// <summary>The Razor component rendering the HTML body; it has <c>Model</c> and <c>Context</c> parameters.</summary>
    public abstract Type Component { get; }

    /// <summary>A realistic model for previews, with times around <paramref name="now"/>.</summary>
    public abstract object Sample(DateTimeOffset now);

    public abstract string Subject(object model, MessageContext context);

    public abstract string Text(object model, MessageContext context);

    /// <summary>The bell's line.</summary>
    public abstract string Summary(object model, MessageContext context);

    /// <summary>App-relative link to what the message is about.</summary>
    public abstract string Link(object model);
}

/// <summary>A message type with a typed model; subclasses write their texts against <typeparamref name="TModel"/>.</summary>
internal abstract class MessageType<TModel, TComponent> : MessageType
    where TModel : class
    where TComponent : IComponent
{
    public sealed override Type ModelType => typeof(TModel);

    public sealed override Type Component => typeof(TComponent);

    public sealed override object Sample(DateTimeOffset now) => SampleModel(now);

    public sealed override string Subject(object model, MessageContext context) => Subject(Typed(model), context);

    public sealed override string Text(object model, MessageContext context) => Text(Typed(model), context);

    public sealed override string Summary(object model, MessageContext context) => Summary(Typed(model), context);

    public sealed override string Link(object model) => Link(Typed(model));

    protected abstract TModel SampleModel(DateTimeOffset now);

    protected abstract string Subject(TModel model, MessageContext context);

    protected abstract string Text(TModel model, MessageContext context);

    protected abstract string Summary(TModel model, MessageContext context);

    protected abstract string Link(TModel model);

    private TModel Typed(object model) => model as TModel
        ?? throw new ArgumentException($"Message type {Key} takes a {typeof(TModel).Name}, not a {model?.GetType().Name ?? "null"}.", nameof(model));
}
