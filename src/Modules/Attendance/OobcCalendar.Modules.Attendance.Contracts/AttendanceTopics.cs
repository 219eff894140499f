namespace OobcCalendar.Modules.Attendance.Contracts;

/// <summary>Live-update topics the Attendance module raises.</summary>
public static class AttendanceTopics
{
    /// <summary>Someone was checked in, checked out or undone, a walk-in added, or the list's settings changed (key: list id, kind: the verb).</summary>
    public const string Lists = "attendance.lists";
}
