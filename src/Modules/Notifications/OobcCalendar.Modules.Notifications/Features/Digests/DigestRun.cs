namespace OobcCalendar.Modules.Notifications.Features.Digests;

/// <summary>
/// A digest that was handled for <see cref="UserId"/> and <see cref="Period"/> ("daily:2027-03-01" in the person's
/// local date, "weekly:2027-W09" in their local ISO week), sent or found empty. The primary key makes the sweep handle
/// each one once, across hosts and reruns, without looking at messages again (ADR 0036).
/// </summary>
internal sealed class DigestRun
{
    public Guid UserId { get; set; }

    public string Period { get; set; } = "";

    /// <summary>Whether there was something to send (an empty digest is recorded but not sent).</summary>
    public bool Sent { get; set; }

    public DateTimeOffset HandledAt { get; set; }
}
