using OobcCalendar.Modules.Leave.Domain.Holidays;
using OobcCalendar.Modules.Leave.Domain.LeaveTypes;
using OobcCalendar.Modules.Leave.Domain.Requests;

namespace OobcCalendar.Modules.Leave.Tests.Domain;

/// <summary>Test data. 2027: Mon 1 Mar is a plain working week; Maundy Thursday 25 Mar, Good Friday 26 Mar.</summary>
internal static class Make
{
    public static DateOnly D(int year, int month, int day) => new(year, month, day);

    public static LeaveType Type(string code) =>
        LeaveType.Create(Guid.NewGuid(), CivilServiceLeaveTypes.All.Single(t => t.Code == code), 0);

    public static LeaveType Type(LeaveTypeSettings settings) => LeaveType.Create(Guid.NewGuid(), settings, 0);

    public static HolidayCalendar Holidays(params DateOnly[] days) =>
        new(days.Select(d => Holiday.Create(Guid.NewGuid(), d, "Holiday", HolidayKind.Regular)));

    public static HolidayCalendar Philippine(int year) =>
        new(PhilippineHolidays.For(year).Select(h => Holiday.Create(Guid.NewGuid(), h.Date, h.Name, h.Kind)));

    public static LeavePeriod Days(DateOnly first, DateOnly last, DayPart firstPart = DayPart.Full, DayPart lastPart = DayPart.Full) =>
        LeavePeriod.Create(first, last, firstPart, lastPart);
}
