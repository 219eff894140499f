using OobcCalendar.Shared.Errors;

namespace OobcCalendar.Modules.Leave.Domain.LeaveTypes;

/// <summary>How a type with a balance earns its days.</summary>
internal enum LeaveEarning
{
    /// <summary>No credits of its own (leave without pay, or a type charged to another type's credits).</summary>
    None,

    /// <summary><see cref="LeaveTypeSettings.EarnedDays"/> credited at the end of every month of service.</summary>
    Monthly,

    /// <summary><see cref="LeaveTypeSettings.EarnedDays"/> granted at the start of each year (prorated for people who join mid-year).</summary>
    Yearly,
}

/// <summary>What becomes of a balance above the carry-over cap at year end.</summary>
internal enum CarryOverRemainder
{
    /// <summary>The days above the cap are lost (a forfeiture entry).</summary>
    Forfeited,

    /// <summary>The days above the cap are paid out (recorded as a forfeiture entry that says so).</summary>
    Monetised,
}

/// <summary>
/// Everything Admin configures about a leave type. Days are decimals because half days exist and CSC accrual is
/// 1.25 days a month. Null means "no such rule".
/// </summary>
/// <param name="Code">Short stable code ("VL", "SL"), unique; the seed matches on it.</param>
/// <param name="Name">Name people see.</param>
/// <param name="HasBalance">Whether requests spend credits (false: leave without pay, study leave).</param>
/// <param name="Earning">Monthly accrual or yearly grant.</param>
/// <param name="EarnedDays">Days per month (monthly) or per year (yearly).</param>
/// <param name="CarryOverCapDays">At year end at most this much is carried over; null: all of it; 0: nothing.</param>
/// <param name="Remainder">What happens to the days above the cap.</param>
/// <param name="HalfDaysAllowed">Whether a request may start or end with half a day.</param>
/// <param name="MinimumNoticeWorkingDays">Working days between filing and the first day (0: may be filed on the day or after).</param>
/// <param name="DocumentRequiredAfterDays">A supporting document is needed when a request costs more than this many days.</param>
/// <param name="SecondApprovalAfterDays">A second level (Admin) must approve too when a request costs more than this; 0: always.</param>
/// <param name="Paid">Paid or unpaid leave (reports).</param>
/// <param name="Colour">CSS colour on the calendar.</param>
/// <param name="IsPrivate">Colleagues see only "Out of office"; the person, their approvers and Admin see the type.</param>
/// <param name="ChargedToCode">Requests spend the credits of this other type (mandatory leave spends vacation credits).</param>
/// <param name="RequiredDaysPerYear">Days that must be taken each year from the charged credits, or are forfeited at year end.</param>
/// <param name="RequiredFromBalanceDays">The yearly requirement applies only to people holding at least this balance (CSC: 10 days).</param>
internal sealed record LeaveTypeSettings(
    string Code,
    string Name,
    bool HasBalance,
    LeaveEarning Earning,
    decimal EarnedDays,
    decimal? CarryOverCapDays,
    CarryOverRemainder Remainder,
    bool HalfDaysAllowed,
    int MinimumNoticeWorkingDays,
    decimal? DocumentRequiredAfterDays,
    decimal? SecondApprovalAfterDays,
    bool Paid,
    string Colour,
    bool IsPrivate,
    string? ChargedToCode = null,
    decimal? RequiredDaysPerYear = null,
    decimal? RequiredFromBalanceDays = null);

/// <summary>A kind of leave with its rules. Admin edits the settings; the seed adds the civil-service set once.</summary>
internal sealed class LeaveType
{
    private LeaveType()
    {
    }

    public Guid Id { get; private set; }

    public LeaveTypeSettings Settings { get; private set; } = default!;

    public bool IsActive { get; private set; } = true;

    public int SortOrder { get; private set; }

    public string Code => Settings.Code;

    public string Name => Settings.Name;

    /// <summary>The type whose ledger a request of this type spends (itself unless charged to another).</summary>
    public bool SpendsOwnCredits => Settings.HasBalance && Settings.ChargedToCode is null;

    public static LeaveType Create(Guid id, LeaveTypeSettings settings, int sortOrder)
    {
        Validate(settings);
        return new LeaveType { Id = id, Settings = settings with { Code = settings.Code.Trim().ToUpperInvariant(), Name = settings.Name.Trim() }, SortOrder = sortOrder };
    }

    public void Change(LeaveTypeSettings settings, bool isActive)
    {
        Validate(settings);
        if (!string.Equals(settings.Code.Trim(), Code, StringComparison.OrdinalIgnoreCase))
        {
            throw new BusinessRuleException("A leave type's code cannot change: the ledger and the seed refer to it.");
        }

        Settings = settings with { Code = Code, Name = settings.Name.Trim() };
        IsActive = isActive;
    }

    /// <summary>Whether a request costing <paramref name="days"/> needs a supporting document.</summary>
    public bool NeedsDocument(decimal days) => Settings.DocumentRequiredAfterDays is { } limit && days > limit;

    /// <summary>Whether a request costing <paramref name="days"/> needs the second approval level.</summary>
    public bool NeedsSecondApproval(decimal days) =>
        Settings.SecondApprovalAfterDays is { } limit && (limit == 0 || days > limit);

    private static void Validate(LeaveTypeSettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (string.IsNullOrWhiteSpace(s.Code) || string.IsNullOrWhiteSpace(s.Name))
        {
            throw new BusinessRuleException("A leave type needs a code and a name.");
        }

        if (s.EarnedDays < 0 || s.CarryOverCapDays < 0 || s.MinimumNoticeWorkingDays < 0 || s.DocumentRequiredAfterDays < 0 || s.SecondApprovalAfterDays < 0)
        {
            throw new BusinessRuleException("Leave type settings cannot be negative.");
        }

        if (s.HasBalance && s.ChargedToCode is null && s.Earning == LeaveEarning.None)
        {
            throw new BusinessRuleException($"{s.Name} has a balance, so it must earn days monthly or yearly.");
        }

        if (s.Earning != LeaveEarning.None && s.EarnedDays == 0)
        {
            throw new BusinessRuleException($"{s.Name} earns days, so say how many.");
        }
    }
}
