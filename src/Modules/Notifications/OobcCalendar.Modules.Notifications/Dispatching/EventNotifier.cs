using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Notifications.Persistence;
using OobcCalendar.Shared.IntegrationEvents;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Notifications.Dispatching;

/// <summary>
/// What every consumer does with a fact: look the people up, then, once per event (inbox), enqueue one message per
/// recipient through <see cref="NotificationDispatcher"/>, all in one transaction.
/// </summary>
internal sealed class EventNotifier(IDbContextFactory<NotificationsDbContext> contexts, NotificationDispatcher dispatcher, IUserDirectory directory)
{
    /// <summary>Display names of <paramref name="ids"/> ("someone" for an id the directory does not know).</summary>
    public async Task<Func<Guid?, string>> NamesAsync(IEnumerable<Guid?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.OfType<Guid>().Distinct().ToList();
        var users = wanted.Count == 0 ? [] : await directory.GetManyAsync(wanted, cancellationToken);
        var names = users.ToDictionary(u => u.Id, u => u.DisplayName);
        return id => id is { } known && names.TryGetValue(known, out var name) ? name : "someone";
    }

    /// <summary>Enqueues <paramref name="model"/> for each of <paramref name="recipientIds"/>, once per event for <paramref name="consumer"/>.</summary>
    public async Task NotifyAsync(
        IIntegrationEvent fact, string consumer, IEnumerable<Guid> recipientIds, object model, DedupeKey key, CancellationToken cancellationToken, bool urgent = false)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var recipients = await Recipient.LoadAsync(directory, recipientIds, cancellationToken);
        if (recipients.Count == 0)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.RunOnceAsync(fact.EventId, consumer, async ct =>
        {
            foreach (var recipient in recipients)
            {
                await dispatcher.EnqueueAsync(db, recipient, model, key, fact.EventId, urgent, cancellationToken: ct);
            }
        }, cancellationToken);
    }
}
