namespace OobcCalendar.Modules.Notifications.Domain.Messages;

/// <summary>Where an e-mail is on its way out (stored as text).</summary>
internal enum MessageStatus
{
    /// <summary>Waiting for its first attempt (possibly until quiet hours end).</summary>
    Pending,

    /// <summary>
    /// Leased by a sender round until <see cref="OutgoingMessage.NextAttemptAt"/>; a round that dies leaves it so, and any
    /// sender takes it again once the lease has run out.
    /// </summary>
    Sending,

    /// <summary>Handed to the SMTP server (or written to the pickup folder).</summary>
    Sent,

    /// <summary>Failed at least once; retried at <see cref="OutgoingMessage.NextAttemptAt"/>.</summary>
    Failed,

    /// <summary>Gave up after the maximum attempts; an Admin may resend it.</summary>
    DeadLetter,

    /// <summary>Never to be sent (no e-mail address, deactivated account); <see cref="OutgoingMessage.StatusReason"/> says why.</summary>
    Skipped,
}
