namespace OobcCalendar.Shared.LiveUpdates;

/// <summary>Where Razor components subscribe to changes committed by any module on any host.</summary>
public interface ILiveUpdates
{
    /// <summary>
    /// Calls <paramref name="handler"/> for every notice whose topic is in <paramref name="topics"/> (and for resync
    /// notices) that is meant for <paramref name="userId"/>: a notice without an audience reaches everyone, one with an
    /// audience only subscribers whose user is in it (a subscriber with no user gets none of those).
    /// Dispose the result to unsubscribe, e.g. in the component's Dispose.
    /// </summary>
    IDisposable Subscribe(IReadOnlyCollection<string> topics, Guid? userId, Func<LiveUpdate, Task> handler);

    /// <summary>Subscribes on nobody's behalf: only notices without an audience arrive.</summary>
    IDisposable Subscribe(IReadOnlyCollection<string> topics, Func<LiveUpdate, Task> handler) => Subscribe(topics, null, handler);

    /// <summary>Publishes a notice for a change made outside a module DbContext (it goes through NOTIFY too).</summary>
    Task PublishAsync(LiveUpdate update, CancellationToken cancellationToken);
}
