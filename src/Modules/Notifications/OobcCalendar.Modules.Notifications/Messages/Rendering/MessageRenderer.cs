using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OobcCalendar.Modules.Notifications.Messages.Rendering;

/// <summary>
/// Renders a message type's Razor component to an HTML string with the framework's <see cref="HtmlRenderer"/> (no
/// circuit, no browser), plus its subject and texts. One renderer for the host: it serialises work on its dispatcher.
/// </summary>
internal sealed class MessageRenderer(IServiceScopeFactory scopes, ILoggerFactory loggerFactory, MessageTypes types) : IAsyncDisposable
{
    // The renderer resolves scoped framework services (its activity source), so it lives in a scope of its own for the
    // host's lifetime; message components inject nothing, everything comes in through their parameters.
    private readonly AsyncServiceScope scope = scopes.CreateAsyncScope();
    private HtmlRenderer? renderer;

    private HtmlRenderer Renderer => renderer ??= new HtmlRenderer(scope.ServiceProvider, loggerFactory);

    public async Task<RenderedMessage> RenderAsync(object model, MessageContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        var type = types.ForModel(model.GetType());
        var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { ["Model"] = model, ["Context"] = context });
        var html = await Renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await Renderer.RenderComponentAsync(type.Component, parameters);
            return output.ToHtmlString();
        });
        return new RenderedMessage(type.Key, type.Subject(model, context), "<!DOCTYPE html>\n" + html, type.Text(model, context), type.Summary(model, context), type.Link(model));
    }

    public async ValueTask DisposeAsync()
    {
        if (renderer is not null)
        {
            await renderer.DisposeAsync();
        }

        await scope.DisposeAsync();
    }
}
