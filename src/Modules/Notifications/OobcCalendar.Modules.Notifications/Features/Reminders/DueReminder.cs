using OobcCalendar.Modules.Notifications.Dispatching;

namespace OobcCalendar.Modules.Notifications.Features.Reminders;

/// <summary>
/// One reminder to send: <see cref="UserId"/> about the occurrence of <see cref="EventId"/> starting at
/// <see cref="StartsAtUtc"/>, <see cref="OffsetMinutes"/> before it. Written only for the coming horizon (ADR 0035)
/// and rewritten while <see cref="Status"/> is Pending whenever the event, its people or their answers change.
/// </summary>
internal sealed class DueReminder
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public Guid EventId { get; set; }

    /// <summary>When the occurrence starts (after any move): a moved occurrence is a new reminder.</summary>
    public DateTimeOffset StartsAtUtc { get; set; }

    public int OffsetMinutes { get; set; }

    public DateTimeOffset DueAtUtc { get; set; }

    public DueReminderStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the sweep enqueued it (Sent) or dropped it (Dropped).</summary>
    public DateTimeOffset? HandledAt { get; set; }

    /// <summary>
    /// What makes its e-mail and bell line the same message: the sweep enqueues with it, and re-planning finds a queued
    /// reminder's rows by it to take them back.
    /// </summary>
    public DedupeKey MessageKey => new(EventId.ToString("N"), StartsAtUtc, OffsetMinutes);
}

/// <summary>Where a due reminder is.</summary>
internal enum DueReminderStatus
{
    /// <summary>Waits for its due time.</summary>
    Pending,

    /// <summary>Handed to the message queue (e-mail and bell per the person's preferences).</summary>
    Sent,

    /// <summary>Came due while no host ran and the occurrence had started by the time a sweep saw it.</summary>
    Dropped,
}
