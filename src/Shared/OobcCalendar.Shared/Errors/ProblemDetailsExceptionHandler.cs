using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace OobcCalendar.Shared.Errors;

/// <summary>Turns <see cref="UserFacingException"/> into RFC 9457 problem details for HTTP endpoints.</summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not UserFacingException error)
        {
            return false;
        }

        httpContext.Response.StatusCode = error.StatusCode;
        var details = error is InputValidationException validation
            ? new ValidationProblemDetails(validation.Errors.ToDictionary(e => e.Key, e => e.Value)) { Title = "The request is not valid." }
            : new ProblemDetails { Title = error.Message };
        details.Status = error.StatusCode;
        details.Detail = error.Message;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }
}
