namespace OobcCalendar.Modules.Leave.Domain.Ledger;

/// <summary>Balances are sums of entries, nothing else.</summary>
internal static class LeaveLedger
{
    /// <summary>The balance: every entry's days added up (closed years net to zero through their carry-over and forfeiture).</summary>
    public static decimal Balance(IEnumerable<LedgerEntry> entries) => entries.Sum(e => e.Days);

    /// <summary>What is left in <paramref name="year"/> before it is closed.</summary>
    public static decimal BalanceOfYear(IEnumerable<LedgerEntry> entries, int year) => entries.Where(e => e.Year == year).Sum(e => e.Days);

    /// <summary>Days spent (taken minus restored) in <paramref name="year"/>, as a positive number.</summary>
    public static decimal SpentInYear(IEnumerable<LedgerEntry> entries, int year) =>
        -entries.Where(e => e.Year == year && e.Kind is LedgerEntryKind.Taken or LedgerEntryKind.Restored).Sum(e => e.Days);

    public static string AccrualKey(int year, int month) => $"accrual:{year:D4}-{month:D2}";

    public static string GrantKey(int year) => $"grant:{year:D4}";

    public static string CarryOutKey(int year) => $"carry-out:{year:D4}";

    public static string CarryInKey(int year) => $"carry-in:{year:D4}";

    public static string ForfeitKey(int year) => $"forfeit:{year:D4}";

    public static string MandatoryForfeitKey(int year) => $"forfeit-mandatory:{year:D4}";

    public static string TakenKey(Guid requestId, int year) => $"taken:{requestId:N}:{year:D4}";

    public static string RestoredKey(Guid requestId, int year) => $"restored:{requestId:N}:{year:D4}";
}
