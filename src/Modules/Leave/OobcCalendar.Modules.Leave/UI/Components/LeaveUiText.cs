using System.Globalization;
using OobcCalendar.Modules.Leave.Domain.LeaveTypes;

namespace OobcCalendar.Modules.Leave.UI.Components;

/// <summary>How the leave screens write days, dates and a type's rules.</summary>
internal static class LeaveUiText
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>"1 day", "2.5 days", "0.5 day".</summary>
    public static string Days(decimal days) => $"{days.ToString("0.##", Culture)} {(days is 1m or 0.5m or -1m or -0.5m ? "day" : "days")}";

    /// <summary>A figure without its unit ("12.5").</summary>
    public static string Figure(decimal days) => days.ToString("0.##", Culture);

    /// <summary>"Mon 7 Dec 2026", or "Mon 7 – Fri 11 Dec 2026" for a range.</summary>
    public static string Range(DateOnly first, DateOnly last)
    {
        if (first == last)
        {
            return first.ToString("ddd d MMM yyyy", Culture);
        }

        var start = first.Year != last.Year ? first.ToString("ddd d MMM yyyy", Culture) : first.Month != last.Month ? first.ToString("ddd d MMM", Culture) : first.ToString("ddd d", Culture);
        return $"{start} – {last.ToString("ddd d MMM yyyy", Culture)}";
    }

    /// <summary>"(afternoon of the first day)" and the like, or null for whole days.</summary>
    public static string? Parts(string firstPart, string lastPart, bool oneDay) => oneDay
        ? firstPart switch { "Morning" => "morning", "Afternoon" => "afternoon", _ => null }
        : (firstPart == "Afternoon", lastPart == "Morning") switch
        {
            (true, true) => "from the afternoon, until noon",
            (true, false) => "from the afternoon",
            (false, true) => "until noon",
            _ => null,
        };

    /// <summary>Bytes as megabytes with one decimal at most.</summary>
    public static string Megabytes(long bytes) => (bytes / (1024m * 1024m)).ToString("0.#", Culture);

    /// <summary>The rules of a type a requester needs to know before filling in the form.</summary>
    public static string Rules(LeaveTypeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var rules = new List<string>();
        if (settings.MinimumNoticeWorkingDays > 0)
        {
            rules.Add($"file {settings.MinimumNoticeWorkingDays} working days ahead");
        }

        if (settings.DocumentRequiredAfterDays is { } documentAfter)
        {
            rules.Add($"a supporting document past {Days(documentAfter)}");
        }

        rules.Add(settings.HalfDaysAllowed ? "half days allowed" : "whole days only");
        if (!settings.HasBalance)
        {
            rules.Add("no balance");
        }

        if (!settings.Paid)
        {
            rules.Add("unpaid");
        }

        var text = string.Join(", ", rules);
        return char.ToUpperInvariant(text[0]) + text[1..] + ".";
    }

    /// <summary>How a ledger entry's kind reads.</summary>
    public static string Kind(string kind) => kind switch
    {
        "Grant" => "Yearly grant",
        "Accrual" => "Monthly accrual",
        "CarryOver" => "Carried over",
        "Forfeiture" => "Forfeited",
        "Taken" => "Taken",
        "Adjustment" => "Adjustment",
        "Restored" => "Given back",
        _ => kind,
    };
}
