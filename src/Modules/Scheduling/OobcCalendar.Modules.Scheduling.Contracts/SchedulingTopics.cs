namespace OobcCalendar.Modules.Scheduling.Contracts;

/// <summary>Live-update topics the Scheduling module raises.</summary>
public static class SchedulingTopics
{
    /// <summary>An event was created, changed, moved, cancelled or answered (key: event id, kind: the verb).</summary>
    public const string Events = "scheduling.events";

    /// <summary>
    /// Scheduling's busy read model took in another module's fact: approved or cancelled leave, an approved, cancelled or
    /// rejected booking (key: the source's id; audience: the people concerned when known). Raised after the read model
    /// committed, so a screen that re-reads it (the "You are away" card) sees the change.
    /// </summary>
    public const string Busy = "scheduling.busy";
}
