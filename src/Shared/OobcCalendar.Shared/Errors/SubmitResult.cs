namespace OobcCalendar.Shared.Errors;

/// <summary>How a command sent from a page ended (see <see cref="Submit"/>).</summary>
public enum SubmitOutcome
{
    /// <summary>The command ran to the end.</summary>
    Succeeded,

    /// <summary>The input failed validation (<see cref="InputValidationException"/>): messages per field.</summary>
    Invalid,

    /// <summary>A rule, a missing thing or a missing permission refused it (any other <see cref="UserFacingException"/>).</summary>
    Refused,

    /// <summary>It lost a race or clashes with existing data (<see cref="ConflictException"/>, a 409, or an optimistic-concurrency failure).</summary>
    Conflict,

    /// <summary>The caller's token cancelled it (e.g. a newer check replaced this one): nothing to tell the user.</summary>
    Cancelled,

    /// <summary>Anything else: logged, and the user gets <see cref="UserMessages.Unexpected"/>.</summary>
    Failed,
}

/// <summary>
/// The outcome of <see cref="Submit.RunAsync"/> or <see cref="Submit.QuietlyAsync"/>: what happened, what to tell the
/// user, and the field messages of a validation failure.
/// </summary>
public sealed record SubmitResult
{
    private static readonly IReadOnlyDictionary<string, string[]> NoFieldErrors = new Dictionary<string, string[]>();

    private SubmitResult(SubmitOutcome outcome, string? message, IReadOnlyDictionary<string, string[]>? fieldErrors, Exception? error)
    {
        Outcome = outcome;
        Message = message;
        FieldErrors = fieldErrors ?? NoFieldErrors;
        Error = error;
    }

    /// <summary>A command that ran to the end.</summary>
    public static SubmitResult Success { get; } = new(SubmitOutcome.Succeeded, null, null, null);

    /// <summary>What happened.</summary>
    public SubmitOutcome Outcome { get; }

    /// <summary>Whether the command ran to the end.</summary>
    public bool Succeeded => Outcome == SubmitOutcome.Succeeded;

    /// <summary>The message for the user (null when it succeeded or was cancelled).</summary>
    public string? Message { get; }

    /// <summary>Validation messages keyed by property name (empty key: the whole request); empty unless <see cref="SubmitOutcome.Invalid"/>.</summary>
    public IReadOnlyDictionary<string, string[]> FieldErrors { get; }

    /// <summary>The exception caught, for a caller that treats one kind specially (null on success).</summary>
    public Exception? Error { get; }

    /// <summary>Sorts a caught exception into an outcome, with the message the user should see.</summary>
    public static SubmitResult From(Exception error, bool cancelled = false)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error switch
        {
            _ when cancelled => new SubmitResult(SubmitOutcome.Cancelled, null, null, error),
            InputValidationException invalid => new SubmitResult(SubmitOutcome.Invalid, invalid.Message, invalid.Errors, error),
            UserFacingException { StatusCode: 409 } conflict => new SubmitResult(SubmitOutcome.Conflict, conflict.Message, null, error),
            UserFacingException refused => new SubmitResult(SubmitOutcome.Refused, refused.Message, null, error),
            Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException => new SubmitResult(SubmitOutcome.Conflict, Submit.ChangedMeanwhile, null, error),
            _ => new SubmitResult(SubmitOutcome.Failed, UserMessages.Unexpected, null, error),
        };
    }
}
