using Quartz;

namespace OobcCalendar.TestHost;

/// <summary>
/// Prints <c>DECLARED key next-fire-time</c> when this host stores a trigger (at start-up every host re-declares
/// its recurring triggers, replacing the stored ones), so tests can tell when a host's start-up writes are done.
/// </summary>
internal sealed class ProbeSchedulerListener : ISchedulerListener
{
    public ValueTask JobScheduled(IScheduler scheduler, ITrigger trigger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        var next = trigger.NextFireTimeUtc;
        return new ValueTask(Console.Out.WriteLineAsync($"DECLARED {trigger.Key} {next?.UtcDateTime:O}"));
    }
}
