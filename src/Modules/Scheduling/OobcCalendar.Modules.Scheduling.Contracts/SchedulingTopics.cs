namespace OobcCalendar.Modules.Scheduling.Contracts;

/// <summary>Live-update topics the Scheduling module raises.</summary>
public static class SchedulingTopics
{
    /// <summary>An event was created, changed, moved, cancelled or answered (key: event id, kind: the verb).</summary>
    public const string Events = "scheduling.events";
}
