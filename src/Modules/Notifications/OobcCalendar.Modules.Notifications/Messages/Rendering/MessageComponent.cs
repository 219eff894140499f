using Microsoft.AspNetCore.Components;

namespace OobcCalendar.Modules.Notifications.Messages.Rendering;

/// <summary>
/// Base of every message's HTML component. Razor components are public and their parameters must be public, while the
/// models and <see cref="MessageContext"/> stay internal to the module (architecture rule), so parameters are typed
/// <see cref="object"/> and each component reads them through a private typed property.
/// </summary>
public abstract class MessageComponent : ComponentBase
{
    /// <summary>The message type's model record.</summary>
    [Parameter, EditorRequired] public object Model { get; set; } = default!;

    /// <summary>The <see cref="MessageContext"/> it is rendered for.</summary>
    [Parameter, EditorRequired] public object Context { get; set; } = default!;

    private protected MessageContext Ctx => (MessageContext)Context;
}
