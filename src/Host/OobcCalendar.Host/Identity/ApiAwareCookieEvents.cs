using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace OobcCalendar.Host.Identity;

/// <summary>
/// Pages send a signed-out browser to the sign-in page; JSON endpoints under <c>/api</c> answer 401/403 problem
/// details instead, because a script (the calendar's feed fetch) cannot use a redirect to an HTML form and
/// would only report "invalid JSON".
/// </summary>
internal static class ApiAwareCookieEvents
{
    private static readonly PathString Api = "/api";

    public static void Apply(CookieAuthenticationOptions options)
    {
        var toLogin = options.Events.OnRedirectToLogin;
        var toDenied = options.Events.OnRedirectToAccessDenied;
        options.Events.OnRedirectToLogin = context => IsApi(context)
            ? WriteAsync(context, StatusCodes.Status401Unauthorized, "Sign in to use this endpoint.")
            : toLogin(context);
        options.Events.OnRedirectToAccessDenied = context => IsApi(context)
            ? WriteAsync(context, StatusCodes.Status403Forbidden, "You don't have access to this endpoint.")
            : toDenied(context);
    }

    private static bool IsApi(RedirectContext<CookieAuthenticationOptions> context) => context.Request.Path.StartsWithSegments(Api);

    private static async Task WriteAsync(RedirectContext<CookieAuthenticationOptions> context, int status, string title)
    {
        context.Response.StatusCode = status;
        var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails = new ProblemDetails { Status = status, Title = title },
        });
    }
}
