using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Notifications.Contracts;
using OobcCalendar.Modules.Notifications.Domain.Messages;
using OobcCalendar.Modules.Notifications.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Notifications.Features.Mail;

/// <summary>Admin sends a dead-lettered (or failing) e-mail again now, with a fresh set of attempts.</summary>
internal sealed record ResendMessage(Guid MessageId) : ICommand;

internal sealed class ResendMessageHandler(IDbContextFactory<NotificationsDbContext> contexts, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<ResendMessage>
{
    public async ValueTask<Unit> Handle(ResendMessage command, CancellationToken cancellationToken)
    {
        currentUser.EnsureInRole(Roles.Admin, "resend e-mail");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var message = await db.OutgoingMessages.AsTracking().FirstOrDefaultAsync(m => m.Id == command.MessageId, cancellationToken)
            ?? throw new NotFoundException("That message no longer exists.");
        if (message.Status is not (MessageStatus.DeadLetter or MessageStatus.Failed))
        {
            throw new BusinessRuleException(message.Status == MessageStatus.Sent
                ? "That message was sent already."
                : "Only messages that failed can be resent.");
        }

        message.Status = MessageStatus.Pending;
        message.Attempts = 0;
        message.NextAttemptAt = clock.GetUtcNow();
        message.StatusReason = $"resent by an Admin at {clock.GetUtcNow():u}";
        db.NotifyLive(new LiveUpdate(NotificationsTopics.Outgoing));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
