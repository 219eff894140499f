using System.Security.Cryptography;

namespace OobcCalendar.Modules.Attendance.Domain;

/// <summary>
/// Attendance for one occurrence of an event (<see cref="EventId"/> + <see cref="OccurrenceStartUtc"/>, unique), turned
/// on by its organizer with <see cref="AttendanceSettings"/>. Who is expected comes from the read model at the time of
/// asking, so participants added or removed later count as they are now.
/// </summary>
internal sealed class AttendanceList
{
    private AttendanceList()
    {
    }

    public AttendanceList(Guid eventId, DateTimeOffset occurrenceStartUtc, AttendanceSettings settings, Guid openedBy, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        EventId = eventId;
        OccurrenceStartUtc = occurrenceStartUtc.ToUniversalTime();
        Settings = settings;
        OpenedBy = openedBy;
        OpenedAt = now;
        DoorSecret = RandomNumberGenerator.GetBytes(32);
    }

    public Guid Id { get; private set; }

    public Guid EventId { get; private set; }

    public DateTimeOffset OccurrenceStartUtc { get; private set; }

    public AttendanceSettings Settings { get; private set; } = AttendanceSettings.Default;

    public Guid OpenedBy { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Key of the rotating door code (HMAC); never leaves the module's schema.</summary>
    public byte[] DoorSecret { get; private set; } = [];

    public bool IsClosed => ClosedAt is not null;

    public void Change(AttendanceSettings settings) => Settings = settings;

    public void Close(DateTimeOffset now) => ClosedAt ??= now;

    public void Reopen() => ClosedAt = null;

    /// <summary>When check-in opens for an occurrence starting at <paramref name="startUtc"/>.</summary>
    public DateTimeOffset OpensAt(DateTimeOffset startUtc) => startUtc.AddMinutes(-Settings.OpensMinutesBefore);
}

/// <summary>The organizer's choices for one list.</summary>
internal sealed record AttendanceSettings(bool SelfCheckInAllowed, bool WalkInsAllowed, bool CheckOutRecorded, int OpensMinutesBefore)
{
    public const int MaxOpensMinutesBefore = 24 * 60;

    public static readonly AttendanceSettings Default = new(true, true, false, 30);
}
