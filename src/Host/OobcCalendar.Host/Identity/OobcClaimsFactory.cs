using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace OobcCalendar.Host.Identity;

/// <summary>Adds the display name and time zone to the sign-in cookie, so pages need no lookup to greet the user.</summary>
internal sealed class OobcClaimsFactory(UserManager<ApplicationUser> users, RoleManager<ApplicationRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, ApplicationRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CurrentUser.DisplayNameClaim, user.DisplayName));
        identity.AddClaim(new Claim(CurrentUser.TimeZoneClaim, user.TimeZoneId));
        return identity;
    }
}
