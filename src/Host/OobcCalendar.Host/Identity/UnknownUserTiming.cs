using Microsoft.AspNetCore.Identity;

namespace OobcCalendar.Host.Identity;

/// <summary>
/// A password check against a throw-away hash, for sign-in attempts that have no real hash to check (unknown email,
/// locked account): without it those answer in a few milliseconds and a real account in ~80, which tells an
/// attacker which emails exist.
/// </summary>
internal sealed class UnknownUserTiming(IPasswordHasher<ApplicationUser> hasher)
{
    private static readonly ApplicationUser Nobody = new() { Id = Guid.Empty, UserName = "nobody" };

    private readonly Lazy<string> dummyHash = new(() => hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N")));

    public void SpendOneCheck(string password) => hasher.VerifyHashedPassword(Nobody, dummyHash.Value, password);
}
