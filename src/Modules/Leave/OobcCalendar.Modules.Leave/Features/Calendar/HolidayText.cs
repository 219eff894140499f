using OobcCalendar.Modules.Leave.Domain.Holidays;

namespace OobcCalendar.Modules.Leave.Features.Calendar;

/// <summary>Holiday kinds in words, as the calendar and the Admin editor say them.</summary>
internal static class HolidayText
{
    public static string Kind(string kind) => kind switch
    {
        nameof(HolidayKind.Regular) => "Regular holiday",
        nameof(HolidayKind.SpecialNonWorking) => "Special non-working day",
        _ => kind,
    };
}
