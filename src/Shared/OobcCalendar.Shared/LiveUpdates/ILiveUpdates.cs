namespace OobcCalendar.Shared.LiveUpdates;

/// <summary>Where Razor components subscribe to changes committed by any module on any host.</summary>
public interface ILiveUpdates
{
    /// <summary>
    /// Calls <paramref name="handler"/> for every notice whose topic is in <paramref name="topics"/>
    /// (and for resync notices). Dispose the result to unsubscribe, e.g. in the component's Dispose.
    /// </summary>
    IDisposable Subscribe(IReadOnlyCollection<string> topics, Func<LiveUpdate, Task> handler);

    /// <summary>Publishes a notice for a change made outside a module DbContext (it goes through NOTIFY too).</summary>
    Task PublishAsync(LiveUpdate update, CancellationToken cancellationToken);
}
