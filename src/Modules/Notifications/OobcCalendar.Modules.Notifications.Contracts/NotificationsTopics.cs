namespace OobcCalendar.Modules.Notifications.Contracts;

/// <summary>Live-update topics the Notifications module publishes (subscribe through <c>ILiveUpdates</c>).</summary>
public static class NotificationsTopics
{
    /// <summary>
    /// A new in-app notification (key: its id, kind "created") or a change to a user's read state (kind "read");
    /// the notice's audience is the one user whose bell it concerns, so subscribe with that user's id.
    /// </summary>
    public const string InApp = "notifications.inapp";

    /// <summary>E-mail rows became due (new, or resent); wakes the sender on every host. Screens need not listen.</summary>
    public const string Outgoing = "notifications.outgoing";
}
