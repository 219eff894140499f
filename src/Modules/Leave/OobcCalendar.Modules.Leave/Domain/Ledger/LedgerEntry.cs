using OobcCalendar.Shared.Errors;

namespace OobcCalendar.Modules.Leave.Domain.Ledger;

/// <summary>Why a ledger entry exists.</summary>
internal enum LedgerEntryKind
{
    /// <summary>Yearly grant (special privilege leave...), prorated for a mid-year joiner.</summary>
    Grant,

    /// <summary>Monthly credit (vacation and sick leave: 1.25 days).</summary>
    Accrual,

    /// <summary>Year end: the balance moved into the new year (negative in the closed year, positive in the new one).</summary>
    CarryOver,

    /// <summary>Year end: days lost above the carry-over cap, or the unused mandatory days.</summary>
    Forfeiture,

    /// <summary>Approved leave spent these days (negative).</summary>
    Taken,

    /// <summary>Approved leave was cancelled before it was used: its days come back.</summary>
    Restored,

    /// <summary>Admin corrected the balance, with a reason.</summary>
    Adjustment,
}

/// <summary>
/// One line of a person's leave ledger for one type and leave year. A balance is never stored: it is the sum of
/// the entries. <see cref="Key"/> makes the automatic entries idempotent (a unique index: accrual of March 2027
/// is booked once however often the job runs).
/// </summary>
internal sealed class LedgerEntry
{
    private LedgerEntry()
    {
    }

    public Guid Id { get; private set; }

    public Guid PersonId { get; private set; }

    public Guid LeaveTypeId { get; private set; }

    /// <summary>The leave year the days belong to.</summary>
    public int Year { get; private set; }

    public LedgerEntryKind Kind { get; private set; }

    /// <summary>Signed: credits positive, spending and forfeiture negative.</summary>
    public decimal Days { get; private set; }

    public DateOnly EffectiveOn { get; private set; }

    /// <summary>Idempotency key of an automatic entry ("accrual:2027-03"); null for Admin adjustments.</summary>
    public string? Key { get; private set; }

    /// <summary>The request behind a taken or restored entry.</summary>
    public Guid? RequestId { get; private set; }

    public string? Reason { get; private set; }

    /// <summary>Who recorded it (null: a job).</summary>
    public Guid? RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public static LedgerEntry Create(LedgerLine line, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Kind == LedgerEntryKind.Adjustment && string.IsNullOrWhiteSpace(line.Reason))
        {
            throw new BusinessRuleException("Say why the balance is adjusted.");
        }

        if (line.Days == 0)
        {
            throw new BusinessRuleException("A ledger entry must move some days.");
        }

        return new LedgerEntry
        {
            Id = Guid.CreateVersion7(),
            PersonId = line.PersonId,
            LeaveTypeId = line.LeaveTypeId,
            Year = line.Year,
            Kind = line.Kind,
            Days = line.Days,
            EffectiveOn = line.EffectiveOn,
            Key = line.Key,
            RequestId = line.RequestId,
            Reason = line.Reason?.Trim(),
            RecordedBy = line.RecordedBy,
            RecordedAt = now.ToUniversalTime(),
        };
    }
}

/// <summary>What the domain decides to book; <see cref="LedgerEntry.Create"/> stamps it.</summary>
internal sealed record LedgerLine(
    Guid PersonId,
    Guid LeaveTypeId,
    int Year,
    LedgerEntryKind Kind,
    decimal Days,
    DateOnly EffectiveOn,
    string? Key,
    Guid? RequestId = null,
    string? Reason = null,
    Guid? RecordedBy = null);
