using Mediator;
using Microsoft.Extensions.Options;
using OobcCalendar.Modules.Notifications.Messages.Rendering;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Notifications.Features.Mail;

/// <summary>Admin sees a message type rendered with its sample data, as a person in the office's zone would get it.</summary>
internal sealed record PreviewMessageType(string Key) : IQuery<RenderedMessage>;

internal sealed class PreviewMessageTypeHandler(
    MessageTypes types, MessageRenderer renderer, IOptions<NotificationsOptions> options, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<PreviewMessageType, RenderedMessage>
{
    public async ValueTask<RenderedMessage> Handle(PreviewMessageType query, CancellationToken cancellationToken)
    {
        currentUser.EnsureInRole(Roles.Admin, "preview messages");
        var type = types.All.FirstOrDefault(t => t.Key == query.Key)
            ?? throw new OobcCalendar.Shared.Errors.NotFoundException($"There is no message type '{query.Key}'.");
        var context = new MessageContext("Maria Santos", OfficeTime.Zone(OfficeTime.DefaultTimeZoneId), options.Value.BaseUrl);
        return await renderer.RenderAsync(type.Sample(clock.GetUtcNow()), context);
    }
}
