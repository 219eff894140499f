using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace OobcCalendar.Host.Identity;

/// <summary>
/// Whether a signed-in principal is still a live session: the user exists, is active, and the security stamp in
/// the cookie is still the user's. Signing out, deactivation, role and password changes rotate the stamp, so an
/// old cookie stops working on its very next request. One primary-key read per request; Identity's own
/// <c>SecurityStampValidator</c> would also rebuild and re-issue the cookie each time (several queries).
/// </summary>
internal sealed class SessionStamp(IDbContextFactory<IdentityStoreDbContext> contexts, IOptions<IdentityOptions> options)
{
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var claims = options.Value.ClaimsIdentity;
        var stamp = principal.FindFirstValue(claims.SecurityStampClaimType);
        if (stamp is null || !Guid.TryParse(principal.FindFirstValue(claims.UserIdClaimType), out var userId))
        {
            return false;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().AnyAsync(u => u.Id == userId && u.IsActive && u.SecurityStamp == stamp, cancellationToken);
    }

    /// <summary>Cookie event: refuses (and clears) a cookie whose session has ended.</summary>
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionStamp>();
        if (context.Principal is null || !await sessions.IsCurrentAsync(context.Principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
