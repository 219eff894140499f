namespace OobcCalendar.Modules.Sharing.Contracts;

/// <summary>Live-update topics the Sharing module raises.</summary>
public static class SharingTopics
{
    /// <summary>A share link was created, changed, revoked, regenerated or expired (key: link id, audience: its owner).</summary>
    public const string Links = "sharing.links";
}
