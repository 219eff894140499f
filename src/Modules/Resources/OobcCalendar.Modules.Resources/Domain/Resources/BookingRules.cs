namespace OobcCalendar.Modules.Resources.Domain.Resources;

/// <summary>
/// When and how a resource may be booked. Hours and days are read in the resource's own zone; buffers
/// are set-up and clean-up time the resource is blocked before and after each booking.
/// </summary>
internal sealed record BookingRules
{
    public TimeOnly OpensAt { get; init; } = new(7, 0);

    /// <summary>Closing time; <see cref="TimeOnly.MinValue"/> with <see cref="OpensAt"/> at midnight means "all day".</summary>
    public TimeOnly ClosesAt { get; init; } = new(19, 0);

    /// <summary>Bookable weekdays as a bit set (bit n = <see cref="DayOfWeek"/> n).</summary>
    public int Days { get; init; } = WeekdaysMask;

    public int BufferBeforeMinutes { get; init; }

    public int BufferAfterMinutes { get; init; }

    public int MinimumNoticeMinutes { get; init; } = 60;

    public int MaximumAdvanceDays { get; init; } = 90;

    public int MaximumDurationMinutes { get; init; } = 8 * 60;

    public const int WeekdaysMask = 0b0111110;
    public const int EveryDayMask = 0b1111111;

    public bool IsAllDay => OpensAt == TimeOnly.MinValue && ClosesAt == TimeOnly.MinValue;

    public TimeSpan BufferBefore => TimeSpan.FromMinutes(BufferBeforeMinutes);

    public TimeSpan BufferAfter => TimeSpan.FromMinutes(BufferAfterMinutes);

    public bool IsBookableDay(DayOfWeek day) => (Days & (1 << (int)day)) != 0;

    public IEnumerable<DayOfWeek> BookableDays => Enum.GetValues<DayOfWeek>().Where(IsBookableDay);

    public static int MaskOf(IEnumerable<DayOfWeek> days) => days.Aggregate(0, (mask, d) => mask | (1 << (int)d));
}
