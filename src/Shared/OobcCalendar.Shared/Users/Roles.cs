namespace OobcCalendar.Shared.Users;

/// <summary>The roles a user can hold.</summary>
public static class Roles
{
    public const string Staff = "Staff";
    public const string Manager = "Manager";
    public const string Admin = "Admin";
    public const string CheckInDesk = "CheckInDesk";

    /// <summary>Every role, in display order.</summary>
    public static readonly IReadOnlyList<string> All = [Staff, Manager, Admin, CheckInDesk];
}
