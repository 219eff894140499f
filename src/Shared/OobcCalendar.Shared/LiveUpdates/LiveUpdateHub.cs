using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace OobcCalendar.Shared.LiveUpdates;

/// <summary>
/// In-process fan-out of notices heard on the PostgreSQL notification channel. Publishing always goes
/// through NOTIFY, even on one host, so a single path serves one host and many.
/// </summary>
internal sealed class LiveUpdateHub(NpgsqlDataSource dataSource, ILogger<LiveUpdateHub> logger) : ILiveUpdates
{
    private readonly ConcurrentDictionary<Guid, Subscription> subscriptions = new();

    public IDisposable Subscribe(IReadOnlyCollection<string> topics, Guid? userId, Func<LiveUpdate, Task> handler)
    {
        var id = Guid.NewGuid();
        subscriptions[id] = new Subscription(topics.ToHashSet(StringComparer.Ordinal), userId, handler);
        return new Unsubscriber(() => subscriptions.TryRemove(id, out _));
    }

    public async Task PublishAsync(LiveUpdate update, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT pg_notify(@channel, @payload)");
        command.Parameters.AddWithValue("channel", LiveUpdateChannels.Live);
        command.Parameters.AddWithValue("payload", JsonSerializer.Serialize(update, LiveUpdate.Json));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal int SubscriberCount => subscriptions.Count;

    /// <summary>Delivers a notice to matching subscribers; one failing subscriber never stops the others.</summary>
    internal void Dispatch(LiveUpdate update)
    {
        foreach (var subscription in subscriptions.Values)
        {
            // Filtered here, on the receiving host: every host hears every notice, and only it knows whose circuits it holds.
            if ((update.Topic != LiveUpdate.ResyncTopic && !subscription.Topics.Contains(update.Topic)) || !update.IsFor(subscription.UserId))
            {
                continue;
            }

            _ = InvokeAsync(subscription, update);
        }
    }

    private async Task InvokeAsync(Subscription subscription, LiveUpdate update)
    {
        try
        {
            await subscription.Handler(update);
        }
#pragma warning disable CA1031 // A subscriber's failure (e.g. a closed circuit) must not reach the listener.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "A live-update subscriber failed on {Topic}", update.Topic);
        }
    }

    private sealed record Subscription(HashSet<string> Topics, Guid? UserId, Func<LiveUpdate, Task> Handler);

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                dispose();
            }
        }
    }
}
