using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OobcCalendar.Host.Identity;

namespace OobcCalendar.Benchmarks;

/// <summary>
/// Counts the SQL statements one request sends (EF's CommandExecuted diagnostic events in the request's async flow),
/// and how many of them are directory reads (the host's identity store). Unlike latency, it does not depend on load.
/// </summary>
internal sealed class StatementCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private static readonly AsyncLocal<Counts?> Current = new();
    private readonly IDisposable allListeners;
    private readonly List<IDisposable> subscriptions = [];

    public StatementCounter() => allListeners = DiagnosticListener.AllListeners.Subscribe(this);

    /// <summary>Statements of one request; the directory's are also in <see cref="Statements"/>.</summary>
    internal sealed class Counts
    {
        public int Statements;
        public int Directory;
    }

    /// <summary>Counts what the current async flow (one request) sends from now on.</summary>
    public static Counts Start()
    {
        var counts = new Counts();
        Current.Value = counts;
        return counts;
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (subscriptions)
            {
                subscriptions.Add(value.Subscribe(this, name => name == RelationalEventId.CommandExecuted.Name));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (Current.Value is { } counts && value.Value is CommandExecutedEventData executed)
        {
            Interlocked.Increment(ref counts.Statements);
            if (executed.Context is IdentityStoreDbContext)
            {
                Interlocked.Increment(ref counts.Directory);
            }
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        allListeners.Dispose();
        lock (subscriptions)
        {
            subscriptions.ForEach(s => s.Dispose());
        }
    }
}
