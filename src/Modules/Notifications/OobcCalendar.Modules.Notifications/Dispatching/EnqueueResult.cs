namespace OobcCalendar.Modules.Notifications.Dispatching;

/// <summary>What happened to an e-mail on enqueue.</summary>
internal enum EmailOutcome
{
    /// <summary>A row waits for the sender (now, or when quiet hours end).</summary>
    Queued,

    /// <summary>A Skipped row records why it cannot go.</summary>
    Skipped,

    /// <summary>The person switched this type's e-mail off: no row.</summary>
    Off,

    /// <summary>The same message (recipient + dedupe key) exists already: nothing written.</summary>
    Duplicate,
}

/// <summary>The outcome of one <see cref="NotificationDispatcher.EnqueueAsync"/>.</summary>
/// <param name="Email">What happened to the e-mail.</param>
/// <param name="InAppCreated">Whether a new bell line was written.</param>
/// <param name="SendAt">When the e-mail may go (after quiet hours), when queued.</param>
internal sealed record EnqueueResult(EmailOutcome Email, bool InAppCreated, DateTimeOffset? SendAt);
