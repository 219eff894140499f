using Microsoft.Extensions.Logging;
using MudBlazor;

namespace OobcCalendar.Shared.Errors;

/// <summary>
/// The one way a page or dialog sends a command and tells the user how it went, instead of a try/catch ladder per
/// page. <see cref="RunAsync"/> shows the usual snackbars and hands validation messages to the form;
/// <see cref="QuietlyAsync"/> only sorts the outcome, for a page that shows errors in its own place.
/// </summary>
public static class Submit
{
    /// <summary>Shown when an optimistic-concurrency check fails and the handler did not turn it into its own message.</summary>
    public const string ChangedMeanwhile = "Someone else changed this a moment ago, so nothing was saved. Reload and try again.";

    /// <summary>
    /// Runs <paramref name="action"/> and sorts how it ended. Unexpected errors are logged to <paramref name="logger"/>
    /// (never shown), conflicts and refusals at Information without a stack trace; an <see cref="OperationCanceledException"/> while <paramref name="cancellationToken"/> is
    /// cancelled is <see cref="SubmitOutcome.Cancelled"/>. Nothing is shown to the user.
    /// </summary>
    public static async Task<SubmitResult> QuietlyAsync(Func<Task> action, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            await action();
            return SubmitResult.Success;
        }
#pragma warning disable CA1031 // The user gets a message, the log gets the unexpected exception.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var result = SubmitResult.From(ex, cancelled: ex is OperationCanceledException && cancellationToken.IsCancellationRequested);
            if (result.Outcome == SubmitOutcome.Failed)
            {
                logger?.LogError(ex, "Unexpected error in a UI action");
            }
            else if (result.Outcome is SubmitOutcome.Conflict or SubmitOutcome.Refused)
            {
                // The user already read a friendly message; a clash or refusal is normal use, not a fault, so no
                // error level and no stack trace that would send someone hunting a bug.
                logger?.LogInformation("A UI action was refused ({Outcome}): {Message}", result.Outcome, result.Message);
            }

            return result;
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> and tells the user how it went:
    /// <list type="bullet">
    /// <item>success: <paramref name="success"/> as a success snackbar (if given);</item>
    /// <item>validation: with <paramref name="onFieldErrors"/>, the messages go to it (to sit under their fields), request-wide
    /// ones (empty key, no field to sit under) to an error snackbar, else <paramref name="invalidNotice"/> (if given) to a
    /// warning snackbar; without it, the messages go to an error snackbar;</item>
    /// <item>a conflict: its message as a warning snackbar; any other refusal: its message as an error snackbar;</item>
    /// <item>anything else: logged, and <see cref="UserMessages.Unexpected"/> as an error snackbar.</item>
    /// </list>
    /// </summary>
    public static async Task<SubmitResult> RunAsync(
        Func<Task> action,
        ISnackbar snackbar,
        Action<IReadOnlyDictionary<string, string[]>>? onFieldErrors = null,
        ILogger? logger = null,
        string? success = null,
        string? invalidNotice = null)
    {
        ArgumentNullException.ThrowIfNull(snackbar);
        var result = await QuietlyAsync(action, logger);
        switch (result.Outcome)
        {
            case SubmitOutcome.Succeeded when success is not null:
                snackbar.Add(success, Severity.Success);
                break;
            case SubmitOutcome.Invalid when onFieldErrors is not null:
                onFieldErrors(result.FieldErrors);
                if (result.FieldErrors.TryGetValue(string.Empty, out var general) && general.Length > 0)
                {
                    snackbar.Add(string.Join(" ", general), Severity.Error);
                }
                else if (invalidNotice is not null)
                {
                    snackbar.Add(invalidNotice, Severity.Warning);
                }

                break;
            case SubmitOutcome.Conflict:
                snackbar.Add(result.Message!, Severity.Warning);
                break;
            case SubmitOutcome.Invalid or SubmitOutcome.Refused or SubmitOutcome.Failed:
                snackbar.Add(result.Message!, Severity.Error);
                break;
        }

        return result;
    }
}
