using OobcCalendar.Modules.Leave.Domain.LeaveTypes;

namespace OobcCalendar.Modules.Leave.Domain.Ledger;

/// <summary>A mandatory-leave rule charged to a type's credits (forced leave: 5 days a year from vacation credits).</summary>
internal sealed record MandatoryRule(string TypeName, decimal RequiredDays, decimal FromBalance);

/// <summary>What the close of one year books for one person and type.</summary>
internal sealed record YearEndOutcome(decimal Remaining, decimal MandatoryForfeited, decimal CarriedOver, decimal Forfeited);

/// <summary>
/// Closing a leave year, per person and type with credits:
/// <list type="number">
/// <item>mandatory leave: when the person holds at least the rule's balance (CSC: 10 days), the required days
/// (5) minus the days spent from these credits in the year are forfeited (never more than is left);</item>
/// <item>what remains is carried over up to the type's cap (no cap: all; 0: nothing);</item>
/// <item>the rest is forfeited (or, for a type whose remainder is monetised, recorded as paid out).</item>
/// </list>
/// A negative remainder (an Admin correction overdrawn) is carried as it is: debts are not forgiven.
/// The entries make the closed year sum to zero, so the running balance equals the new year's balance.
/// </summary>
internal static class YearEnd
{
    public static YearEndOutcome Close(decimal remaining, decimal spentInYear, LeaveTypeSettings type, MandatoryRule? mandatory)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (remaining <= 0)
        {
            return new YearEndOutcome(remaining, 0, remaining, 0);
        }

        var mandatoryForfeit = 0m;
        if (mandatory is not null && remaining >= mandatory.FromBalance)
        {
            mandatoryForfeit = Math.Min(remaining, Math.Max(0, mandatory.RequiredDays - spentInYear));
        }

        var left = remaining - mandatoryForfeit;
        var carried = type.CarryOverCapDays is { } cap ? Math.Min(left, cap) : left;
        return new YearEndOutcome(remaining, mandatoryForfeit, carried, left - carried);
    }

    /// <summary>The ledger lines of <paramref name="outcome"/> for closing <paramref name="year"/>.</summary>
    public static IEnumerable<LedgerLine> Lines(Guid personId, Guid leaveTypeId, int year, YearEndOutcome outcome, LeaveTypeSettings type, MandatoryRule? mandatory)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(type);
        var closing = new DateOnly(year, 12, 31);
        if (outcome.MandatoryForfeited > 0)
        {
            yield return new(personId, leaveTypeId, year, LedgerEntryKind.Forfeiture, -outcome.MandatoryForfeited, closing, LeaveLedger.MandatoryForfeitKey(year),
                Reason: $"{mandatory!.TypeName}: {mandatory.RequiredDays:0.###} days a year must be taken; unused days are forfeited.");
        }

        if (outcome.Forfeited > 0)
        {
            var why = type.Remainder == CarryOverRemainder.Monetised ? "paid out" : "forfeited";
            var reason = type.CarryOverCapDays is 0
                ? $"{type.Name} is not carried over: the unused days are {why}."
                : $"Above the carry-over cap of {type.CarryOverCapDays:0.###} days: {why}.";
            yield return new(personId, leaveTypeId, year, LedgerEntryKind.Forfeiture, -outcome.Forfeited, closing, LeaveLedger.ForfeitKey(year), Reason: reason);
        }

        if (outcome.CarriedOver != 0)
        {
            yield return new(personId, leaveTypeId, year, LedgerEntryKind.CarryOver, -outcome.CarriedOver, closing, LeaveLedger.CarryOutKey(year), Reason: $"Carried over to {year + 1}.");
            yield return new(personId, leaveTypeId, year + 1, LedgerEntryKind.CarryOver, outcome.CarriedOver, new DateOnly(year + 1, 1, 1), LeaveLedger.CarryInKey(year + 1), Reason: $"Carried over from {year}.");
        }
    }
}
