using System.Globalization;

namespace OobcCalendar.Modules.Leave.Features.Requests;

/// <summary>Dates in messages, the way the office writes them ("on Mon 8 Mar 2027", "from Mon 8 to Wed 10 Mar 2027").</summary>
internal static class LeaveText
{
    public static string Days(DateOnly first, DateOnly last)
    {
        var c = CultureInfo.InvariantCulture;
        if (first == last)
        {
            return $"on {first.ToString("ddd d MMM yyyy", c)}";
        }

        return first.Year == last.Year && first.Month == last.Month
            ? $"from {first.ToString("ddd d", c)} to {last.ToString("ddd d MMM yyyy", c)}"
            : $"from {first.ToString("ddd d MMM yyyy", c)} to {last.ToString("ddd d MMM yyyy", c)}";
    }
}
