using OobcCalendar.Shared.LiveUpdates;

namespace OobcCalendar.Testing;

/// <summary>
/// The live-update bus without PostgreSQL, for component tests: <see cref="PublishAsync"/> delivers to the
/// matching subscribers and returns once they have handled it, so a test can assert right after.
/// </summary>
public sealed class InMemoryLiveUpdates : ILiveUpdates
{
    private readonly List<(IReadOnlyCollection<string> Topics, Guid? UserId, Func<LiveUpdate, Task> Handler)> subscribers = [];

    public int SubscriberCount => subscribers.Count;

    public IDisposable Subscribe(IReadOnlyCollection<string> topics, Guid? userId, Func<LiveUpdate, Task> handler)
    {
        var entry = (topics, userId, handler);
        subscribers.Add(entry);
        return new Unsubscribe(() => subscribers.Remove(entry));
    }

    public async Task PublishAsync(LiveUpdate update, CancellationToken cancellationToken)
    {
        foreach (var (_, _, handler) in subscribers.ToList().Where(s => s.Topics.Contains(update.Topic) && update.IsFor(s.UserId)))
        {
            await handler(update);
        }
    }

    private sealed class Unsubscribe(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
