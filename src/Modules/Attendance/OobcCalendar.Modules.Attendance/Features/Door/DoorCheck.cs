using OobcCalendar.Modules.Attendance.Domain;
using OobcCalendar.Modules.Attendance.Features.Lists;
using OobcCalendar.Shared.Errors;

namespace OobcCalendar.Modules.Attendance.Features.Door;

/// <summary>The checks every door check-in makes before anything is recorded.</summary>
internal static class DoorCheck
{
    /// <summary>The desk name door check-ins are recorded under.</summary>
    public const string DeskName = "door";

    public static void EnsureAdmits(ListInContext context, string code, DateTimeOffset now)
    {
        if (!context.List.Settings.SelfCheckInAllowed)
        {
            throw new BusinessRuleException("Self check-in is off for this event: please go to the check-in desk.");
        }

        switch (DoorCodes.Check(context.List, code.Trim(), now))
        {
            case DoorCodeCheck.Forged:
                throw new BusinessRuleException("This check-in code is not valid for this event. Scan the code shown at the door.");
            case DoorCodeCheck.Rotated:
                throw new BusinessRuleException("This check-in code has expired (it changes every few minutes). Scan the code shown at the door again.");
        }

        ListAccess.EnsureOpenAt(context, now);
    }
}
