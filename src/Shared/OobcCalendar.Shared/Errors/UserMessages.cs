using Microsoft.Extensions.Logging;
using MudBlazor;

namespace OobcCalendar.Shared.Errors;

/// <summary>The one way components run a command and tell the user how it went.</summary>
public static class UserMessages
{
    /// <summary>Shown for errors that are not <see cref="UserFacingException"/> (the details go to the log).</summary>
    public const string Unexpected = "Something went wrong and nothing was changed. Please try again; if it keeps happening, tell the administrator.";

    /// <summary>The message a user should see for <paramref name="error"/>.</summary>
    public static string Describe(Exception error) => error is UserFacingException userFacing ? userFacing.Message : Unexpected;

    /// <summary>
    /// Runs <paramref name="action"/>; on success shows <paramref name="success"/> (if any), on failure a
    /// clear error snackbar. Returns whether it succeeded. Unexpected errors are logged, never shown.
    /// </summary>
    public static async Task<bool> TryAsync(this ISnackbar snackbar, Func<Task> action, string? success = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(snackbar);
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            await action();
            if (success is not null)
            {
                snackbar.Add(success, Severity.Success);
            }

            return true;
        }
        catch (UserFacingException ex)
        {
            snackbar.Add(ex.Message, ex is ConflictException ? Severity.Warning : Severity.Error);
            return false;
        }
#pragma warning disable CA1031 // The user gets an apology, the log gets the exception.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger?.LogError(ex, "Unexpected error in a UI action");
            snackbar.Add(Unexpected, Severity.Error);
            return false;
        }
    }
}
