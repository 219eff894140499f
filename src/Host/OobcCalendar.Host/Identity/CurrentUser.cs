using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Host.Identity;

/// <summary>
/// The signed-in user, read from the circuit's authentication state (interactive) or the HTTP request
/// (endpoints, prerendering). Claims carry the display name and zone, added at sign-in.
/// </summary>
internal sealed class CurrentUser(IHttpContextAccessor http, AuthenticationStateProvider? authState = null) : ICurrentUser
{
    internal const string DisplayNameClaim = "oobc:display_name";
    internal const string TimeZoneClaim = "oobc:time_zone";

    private ClaimsPrincipal Principal
    {
        get
        {
            if (http.HttpContext?.User is { Identity.IsAuthenticated: true } user)
            {
                return user;
            }

            // In a circuit there is no HttpContext; the provider's state is already resolved by then.
            try
            {
                var task = authState?.GetAuthenticationStateAsync();
                return task is { IsCompletedSuccessfully: true } ? task.Result.User : new ClaimsPrincipal();
            }
            catch (InvalidOperationException)
            {
                // Outside a circuit the provider has no state yet: nobody is signed in here.
                return new ClaimsPrincipal();
            }
        }
    }

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;

    public Guid Id => Guid.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
        ? id
        : throw new InvalidOperationException("Nobody is signed in.");

    public string DisplayName => Principal.FindFirstValue(DisplayNameClaim) ?? Principal.Identity?.Name ?? string.Empty;

    public string TimeZoneId => Principal.FindFirstValue(TimeZoneClaim) ?? OfficeTime.DefaultTimeZoneId;

    public bool IsInRole(string role) => Principal.IsInRole(role);
}
