using Microsoft.AspNetCore.Identity;
using OobcCalendar.Host.Identity;
using OobcCalendar.Shared.Errors;

namespace OobcCalendar.Host.Features.Users;

/// <summary>Shared steps of the user-administration use cases.</summary>
internal static class UserAdministration
{
    /// <summary>Identity's errors as a field-keyed validation failure the form can show.</summary>
    public static InputValidationException ToValidation(IdentityResult result)
    {
        var errors = result.Errors
            .GroupBy(e => e.Code.Contains("Password", StringComparison.Ordinal) ? "Password"
                : e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal) ? "Email"
                : string.Empty)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
        return new InputValidationException(errors);
    }

    /// <summary>Checks that the chosen manager exists, is active and is not the user themself.</summary>
    public static async Task EnsureValidManagerAsync(UserManager<ApplicationUser> users, Guid? managerId, Guid? userId)
    {
        if (managerId is null)
        {
            return;
        }

        if (managerId == userId)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["ManagerId"] = ["A user cannot be their own manager."] });
        }

        var manager = await users.FindByIdAsync(managerId.Value.ToString());
        if (manager is null || !manager.IsActive)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["ManagerId"] = ["Choose an active user as manager."] });
        }
    }
}
