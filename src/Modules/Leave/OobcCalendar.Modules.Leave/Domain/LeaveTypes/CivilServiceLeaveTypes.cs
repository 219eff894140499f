namespace OobcCalendar.Modules.Leave.Domain.LeaveTypes;

/// <summary>
/// The leave types a Philippine government office starts with (CSC Omnibus Rules on Leave and the special laws),
/// seeded once by code; Admin edits them afterwards and the seed never overwrites an edit.
/// </summary>
internal static class CivilServiceLeaveTypes
{
    public const string Vacation = "VL";
    public const string Sick = "SL";
    public const string Mandatory = "FL";
    public const string SpecialPrivilege = "SPL";
    public const string Emergency = "EL";
    public const string Maternity = "ML";
    public const string Paternity = "PL";
    public const string SoloParent = "SOLO";
    public const string Study = "STUDY";
    public const string WithoutPay = "LWOP";

    /// <summary>Monthly credit of vacation and sick leave: 15 days a year each.</summary>
    public const decimal MonthlyCredit = 1.25m;

    public static IReadOnlyList<LeaveTypeSettings> All { get; } =
    [
        new(Vacation, "Vacation leave", true, LeaveEarning.Monthly, MonthlyCredit, null, CarryOverRemainder.Forfeited,
            HalfDaysAllowed: true, MinimumNoticeWorkingDays: 5, null, SecondApprovalAfterDays: 10, Paid: true, "#ef6c00", IsPrivate: false),
        new(Sick, "Sick leave", true, LeaveEarning.Monthly, MonthlyCredit, null, CarryOverRemainder.Forfeited,
            HalfDaysAllowed: true, MinimumNoticeWorkingDays: 0, DocumentRequiredAfterDays: 5, SecondApprovalAfterDays: 10, Paid: true, "#ef6c00", IsPrivate: true),
        new(Mandatory, "Mandatory/forced leave", true, LeaveEarning.None, 0, null, CarryOverRemainder.Forfeited,
            HalfDaysAllowed: false, MinimumNoticeWorkingDays: 5, null, null, Paid: true, "#ef6c00", IsPrivate: false,
            ChargedToCode: Vacation, RequiredDaysPerYear: 5, RequiredFromBalanceDays: 10),
        new(SpecialPrivilege, "Special privilege leave", true, LeaveEarning.Yearly, 3, 0, CarryOverRemainder.Forfeited,
            HalfDaysAllowed: false, MinimumNoticeWorkingDays: 1, null, null, Paid: true, "#ef6c00", IsPrivate: false),
        new(Emergency, "Emergency leave", true, LeaveEarning.Yearly, 5, 0, CarryOverRemainder.Forfeited,
            HalfDaysAllowed: true, MinimumNoticeWorkingDays: 0, null, null, Paid: true, "#ef6c00", IsPrivate: false),
        new(Maternity, "Maternity leave", true, LeaveEarning.Yearly, 105, 0, CarryOverRemainder.Forfeited,
            HalfDaysAllowed: false, MinimumNoticeWorkingDays: 0, DocumentRequiredAfterDays: 0, SecondApprovalAfterDays: 0, Paid: true, "#ef6c00", IsPrivate: true),
        new(Paternity, "Paternity leave", true, LeaveEarning.Yearly, 7, 0, CarryOverRemainder.Forfeited,
            HalfDaysAllowed: false, MinimumNoticeWorkingDays: 0, DocumentRequiredAfterDays: 0, null, Paid: true, "#ef6c00", IsPrivate: false),
        new(SoloParent, "Solo parent leave", true, LeaveEarning.Yearly, 7, 0, CarryOverRemainder.Forfeited,
            HalfDaysAllowed: true, MinimumNoticeWorkingDays: 0, DocumentRequiredAfterDays: 0, null, Paid: true, "#ef6c00", IsPrivate: true),
        new(Study, "Study leave", false, LeaveEarning.None, 0, null, CarryOverRemainder.Forfeited,
            HalfDaysAllowed: false, MinimumNoticeWorkingDays: 10, DocumentRequiredAfterDays: 0, SecondApprovalAfterDays: 0, Paid: true, "#ef6c00", IsPrivate: false),
        new(WithoutPay, "Leave without pay", false, LeaveEarning.None, 0, null, CarryOverRemainder.Forfeited,
            HalfDaysAllowed: true, MinimumNoticeWorkingDays: 0, null, SecondApprovalAfterDays: 5, Paid: false, "#8d6e63", IsPrivate: false),
    ];
}
