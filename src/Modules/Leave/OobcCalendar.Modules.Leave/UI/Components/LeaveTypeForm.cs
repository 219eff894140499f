using OobcCalendar.Modules.Leave.Domain.LeaveTypes;
using OobcCalendar.Modules.Leave.Features.LeaveTypes;

namespace OobcCalendar.Modules.Leave.UI.Components;

/// <summary>The editable settings of a leave type, as the editor's fields bind them.</summary>
internal sealed class LeaveTypeForm
{
    public string Name { get; set; } = string.Empty;

    public string Colour { get; set; } = "#ef6c00";

    public bool HasBalance { get; set; }

    public LeaveEarning Earning { get; set; }

    public decimal EarnedDays { get; set; }

    public decimal? CarryOverCapDays { get; set; }

    public CarryOverRemainder Remainder { get; set; }

    public bool HalfDaysAllowed { get; set; }

    public int MinimumNoticeWorkingDays { get; set; }

    public decimal? DocumentRequiredAfterDays { get; set; }

    public decimal? SecondApprovalAfterDays { get; set; }

    public bool Paid { get; set; }

    public bool IsPrivate { get; set; }

    public bool IsActive { get; set; } = true;

    public static LeaveTypeForm From(LeaveTypeItem type)
    {
        var s = type.Settings;
        return new LeaveTypeForm
        {
            Name = s.Name, Colour = s.Colour, HasBalance = s.HasBalance, Earning = s.Earning, EarnedDays = s.EarnedDays, CarryOverCapDays = s.CarryOverCapDays,
            Remainder = s.Remainder, HalfDaysAllowed = s.HalfDaysAllowed, MinimumNoticeWorkingDays = s.MinimumNoticeWorkingDays,
            DocumentRequiredAfterDays = s.DocumentRequiredAfterDays, SecondApprovalAfterDays = s.SecondApprovalAfterDays, Paid = s.Paid, IsPrivate = s.IsPrivate,
            IsActive = type.IsActive,
        };
    }

    /// <summary>These fields over <paramref name="current"/>: what the form does not show (code, charged-to, requirements) stays.</summary>
    public LeaveTypeSettings ToSettings(LeaveTypeSettings current) => current with
    {
        Name = Name, Colour = Colour?.Trim() ?? string.Empty, HasBalance = HasBalance, Earning = Earning, EarnedDays = EarnedDays, CarryOverCapDays = CarryOverCapDays,
        Remainder = Remainder, HalfDaysAllowed = HalfDaysAllowed, MinimumNoticeWorkingDays = MinimumNoticeWorkingDays,
        DocumentRequiredAfterDays = DocumentRequiredAfterDays, SecondApprovalAfterDays = SecondApprovalAfterDays, Paid = Paid, IsPrivate = IsPrivate,
    };
}
