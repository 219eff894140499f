using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Notifications.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Notifications.Features.Mail;

/// <summary>One outgoing e-mail as it was written: both parts and its attachments (names and sizes, not contents).</summary>
internal sealed record GetOutgoingMessage(Guid MessageId) : IQuery<OutgoingMessageDetail>;

/// <summary>What the preview shows.</summary>
internal sealed record OutgoingMessageDetail(OutgoingMessageLine Line, string Html, string Text, IReadOnlyList<AttachmentLine> Attachments);

/// <summary>An attachment's name, type and size in bytes.</summary>
internal sealed record AttachmentLine(string FileName, string ContentType, int Size);

internal sealed class GetOutgoingMessageHandler(IDbContextFactory<NotificationsDbContext> contexts, ICurrentUser currentUser) : IQueryHandler<GetOutgoingMessage, OutgoingMessageDetail>
{
    public async ValueTask<OutgoingMessageDetail> Handle(GetOutgoingMessage query, CancellationToken cancellationToken)
    {
        currentUser.EnsureInRole(Roles.Admin, "read outgoing e-mail");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var m = await db.OutgoingMessages.FirstOrDefaultAsync(m => m.Id == query.MessageId, cancellationToken)
            ?? throw new NotFoundException("That message no longer exists.");
        var attachments = await db.OutgoingAttachments.Where(a => a.MessageId == m.Id).OrderBy(a => a.FileName)
            .Select(a => new AttachmentLine(a.FileName, a.ContentType, a.Content.Length))
            .ToListAsync(cancellationToken);
        return new OutgoingMessageDetail(OutgoingMessageLine.Of(m), m.Html, m.TextBody, attachments);
    }
}
