using OobcCalendar.Modules.Resources.Domain.Resources;

namespace OobcCalendar.Modules.Resources.Tests.Domain;

/// <summary>Test data in Manila time: Monday 7 Dec 2026 08:00 is "now".</summary>
internal static class Make
{
    public static readonly TimeSpan Manila = TimeSpan.FromHours(8);

    public static readonly DateTimeOffset Now = new(2026, 12, 7, 8, 0, 0, Manila);

    public static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 12, day, hour, minute, 0, Manila);

    public static Resource Room(BookingRules? rules = null, int capacity = 10, bool approval = false, string name = "Room") =>
        Resource.Create(Guid.NewGuid(), new ResourceDetails(ResourceKind.Room, name, "1F", capacity, ["Projector"], null, approval, [], "Asia/Manila", rules ?? new BookingRules()), Now);
}
