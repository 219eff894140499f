using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace OobcCalendar.Host.Identity;

/// <summary>
/// Re-checks an open circuit's user every <see cref="Interval"/>: a deactivated user, or one whose session ended
/// (signed out elsewhere, roles or password changed: the security stamp), loses live screens without waiting for
/// the cookie to expire. Requests are checked each time by <see cref="SessionStamp"/>; a circuit holds no request,
/// hence the timer.
/// </summary>
internal sealed class ActiveUserRevalidation(ILoggerFactory loggerFactory, SessionStamp sessions)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override TimeSpan RevalidationInterval => Interval;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        sessions.IsCurrentAsync(authenticationState.User, cancellationToken);
}
