using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace OobcCalendar.Host.Identity;

/// <summary>The account endpoints that are not pages: signing out.</summary>
internal static class AccountEndpoints
{
    public const string LogoutPath = "/account/logout";

    public static void Map(IEndpointRouteBuilder endpoints) => endpoints.MapPost(LogoutPath, LogoutAsync);

    // The token is checked here because the handler binds no form (only form-binding handlers get the automatic
    // check): a cross-site page must not be able to sign a user out. The stamp rotation ends the session on the
    // server, so a copied cookie is refused afterwards too (every device of the user is signed out).
    private static async Task<IResult> LogoutAsync(
        HttpContext context, IAntiforgery antiforgery, SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Sign out from the app's own menu.");
        }

        var user = await users.GetUserAsync(context.User);
        if (user is not null)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return Results.LocalRedirect("/account/login?signedOut=1");
    }
}
