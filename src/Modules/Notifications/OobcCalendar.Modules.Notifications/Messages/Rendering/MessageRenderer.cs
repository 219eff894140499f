using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging;

namespace OobcCalendar.Modules.Notifications.Messages.Rendering;

/// <summary>
/// Renders a message type's Razor component to an HTML string with the framework's <see cref="HtmlRenderer"/> (no
/// circuit, no browser), plus its subject and texts. One renderer for the host: it serialises work on its dispatcher.
/// </summary>
internal sealed class MessageRenderer(IServiceProvider services, ILoggerFactory loggerFactory, MessageTypes types) : IAsyncDisposable
{
    private readonly HtmlRenderer renderer = new(services, loggerFactory);

    public async Task<RenderedMessage> RenderAsync(object model, MessageContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        var type = types.ForModel(model.GetType());
        var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { ["Model"] = model, ["Context"] = context });
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync(type.Component, parameters);
            return output.ToHtmlString();
        });
        return new RenderedMessage(type.Key, type.Subject(model, context), "<!DOCTYPE html>\n" + html, type.Text(model, context), type.Summary(model, context), type.Link(model));
    }

    public ValueTask DisposeAsync() => renderer.DisposeAsync();
}
