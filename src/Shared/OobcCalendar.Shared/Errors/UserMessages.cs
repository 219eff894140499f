using Microsoft.Extensions.Logging;
using MudBlazor;

namespace OobcCalendar.Shared.Errors;

/// <summary>What the user is told when something goes wrong, and <see cref="TryAsync"/> for a command with no form behind it.</summary>
public static class UserMessages
{
    /// <summary>Shown for errors that are not <see cref="UserFacingException"/> (the details go to the log).</summary>
    public const string Unexpected = "Something went wrong and nothing was changed. Please try again; if it keeps happening, tell the administrator.";

    /// <summary>The message a user should see for <paramref name="error"/>.</summary>
    public static string Describe(Exception error) => error is UserFacingException userFacing ? userFacing.Message : Unexpected;

    /// <summary>
    /// Runs <paramref name="action"/>; on success shows <paramref name="success"/> (if any), on failure a
    /// clear error snackbar. Returns whether it succeeded. Unexpected errors are logged, never shown.
    /// The same as <see cref="Submit.RunAsync"/> without a form to hand field messages to.
    /// </summary>
    public static async Task<bool> TryAsync(this ISnackbar snackbar, Func<Task> action, string? success = null, ILogger? logger = null) =>
        (await Submit.RunAsync(action, snackbar, logger: logger, success: success)).Succeeded;
}
