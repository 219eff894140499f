namespace OobcCalendar.Shared.Users;

/// <summary>The roles a user can hold.</summary>
public static class Roles
{
    public const string Staff = "Staff";
    public const string Manager = "Manager";
    public const string Admin = "Admin";
    public const string CheckInDesk = "CheckInDesk";

    /// <summary>
    /// People of the office (not the check-in desk's shared accounts): they book resources and import calendars.
    /// For <c>[Authorize(Roles = Roles.OfficeMembers)]</c>; see docs/architecture.md, "Check-in desk accounts".
    /// </summary>
    public const string OfficeMembers = Staff + "," + Manager + "," + Admin;

    /// <summary>The roles of <see cref="OfficeMembers"/>, for navigation entries.</summary>
    public static readonly IReadOnlyList<string> OfficeMemberRoles = [Staff, Manager, Admin];

    /// <summary>Every role, in display order.</summary>
    public static readonly IReadOnlyList<string> All = [Staff, Manager, Admin, CheckInDesk];
}
