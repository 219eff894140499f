namespace OobcCalendar.Shared.Errors;

/// <summary>
/// An error whose message is written for the person using the app. The UI shows it as is; HTTP
/// endpoints turn it into problem details with <see cref="StatusCode"/>. Anything else is logged and
/// shown as a generic apology.
/// </summary>
public abstract class UserFacingException(string message, int statusCode) : Exception(message)
{
    /// <summary>The HTTP status this error maps to.</summary>
    public int StatusCode { get; } = statusCode;
}

/// <summary>Input failed validation; <see cref="Errors"/> holds the messages per field.</summary>
public sealed class InputValidationException(IReadOnlyDictionary<string, string[]> errors)
    : UserFacingException(Summarise(errors), 400)
{
    /// <summary>Messages keyed by property name (empty key: the whole request).</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    private static string Summarise(IReadOnlyDictionary<string, string[]> errors) =>
        string.Join(" ", errors.SelectMany(e => e.Value).Distinct());
}

/// <summary>A business rule refused the change (e.g. "Bookings need 24 hours' notice").</summary>
public sealed class BusinessRuleException(string message) : UserFacingException(message, 422);

/// <summary>The thing asked for does not exist (or the user may not know it exists).</summary>
public sealed class NotFoundException(string message) : UserFacingException(message, 404);

/// <summary>The change lost a race or clashes with existing data (concurrency, double booking).</summary>
public sealed class ConflictException(string message) : UserFacingException(message, 409);

/// <summary>The user may not do this.</summary>
public sealed class ForbiddenException(string message) : UserFacingException(message, 403);
