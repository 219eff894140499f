namespace OobcCalendar.Modules.Notifications.Domain.Messages;

/// <summary>
/// One e-mail to one person, committed with the fact that caused it. Unique per (recipient, dedupe key), so a
/// replayed event or a restarted host never writes it twice; the sender claims it, sends it and records the outcome.
/// Rows are written by <c>NotificationDispatcher</c> (INSERT … ON CONFLICT DO NOTHING) and changed by the sender.
/// </summary>
internal sealed class OutgoingMessage
{
    public Guid Id { get; init; }

    public Guid RecipientUserId { get; init; }

    /// <summary>Null when the person has no address (then the row is <see cref="MessageStatus.Skipped"/>).</summary>
    public string? RecipientEmail { get; init; }

    public string RecipientName { get; init; } = string.Empty;

    /// <summary>The message type's key, e.g. <c>booking.requested</c> (see <c>MessageTypes</c>).</summary>
    public string Type { get; init; } = string.Empty;

    /// <summary>(type, subject id, occurrence, offset) as one string: see <c>DedupeKey</c>.</summary>
    public string DedupeKey { get; init; } = string.Empty;

    public string Subject { get; init; } = string.Empty;

    public string Html { get; init; } = string.Empty;

    public string TextBody { get; init; } = string.Empty;

    /// <summary>Urgent messages ignore quiet hours.</summary>
    public bool Urgent { get; init; }

    public MessageStatus Status { get; set; }

    /// <summary>Why it was skipped, or a note on a resend.</summary>
    public string? StatusReason { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>When the sender may next pick it up (end of quiet hours, or after a backoff).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>
    /// The key of the sender worker that last leased it (Sending): the worker holds an advisory lock under it on its own
    /// connection, so a lease whose worker's connection is gone (its host died) is taken over at once (ADR 0040).
    /// </summary>
    public int? LeasedBy { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The integration event it was written for, if any.</summary>
    public Guid? CauseEventId { get; init; }

    public List<OutgoingAttachment> Attachments { get; init; } = [];
}

/// <summary>A file sent with an e-mail (an .ics invitation, a QR ticket).</summary>
internal sealed class OutgoingAttachment
{
    public Guid Id { get; init; }

    public Guid MessageId { get; init; }

    public string FileName { get; init; } = string.Empty;

    public string ContentType { get; init; } = string.Empty;

    public byte[] Content { get; init; } = [];
}
