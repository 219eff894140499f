namespace OobcCalendar.Modules.Resources.Contracts;

/// <summary>Live-update topics the Resources module raises.</summary>
public static class ResourcesTopics
{
    /// <summary>A booking was requested, decided or cancelled (key: booking id, kind: the verb).</summary>
    public const string Bookings = "resources.bookings";

    /// <summary>A resource or blackout was added or changed.</summary>
    public const string Resources = "resources.resources";
}
