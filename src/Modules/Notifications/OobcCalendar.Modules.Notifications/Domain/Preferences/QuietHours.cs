namespace OobcCalendar.Modules.Notifications.Domain.Preferences;

/// <summary>A daily span of local time in which non-urgent e-mail waits; <see cref="Start"/> after <see cref="End"/> wraps midnight.</summary>
internal readonly record struct QuietHours(TimeOnly Start, TimeOnly End)
{
    /// <summary>Whether the local time of day falls inside (start inclusive, end exclusive).</summary>
    public bool Contains(TimeOnly time) =>
        Start < End ? time >= Start && time < End : time >= Start || time < End;

    /// <summary>
    /// When a message due at <paramref name="now"/> may go: <paramref name="now"/> itself outside quiet hours, otherwise
    /// the next local <see cref="End"/> in <paramref name="zone"/> (a wall time skipped by a DST jump moves to just after it).
    /// </summary>
    public DateTimeOffset ReleaseAt(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (!Contains(time))
        {
            return now;
        }

        var day = DateOnly.FromDateTime(local.DateTime);
        var endDay = time >= End ? day.AddDays(1) : day;
        var wall = endDay.ToDateTime(End);
        while (zone.IsInvalidTime(wall))
        {
            wall = wall.AddMinutes(15);
        }

        return new DateTimeOffset(wall, zone.GetUtcOffset(wall)).ToUniversalTime();
    }
}
