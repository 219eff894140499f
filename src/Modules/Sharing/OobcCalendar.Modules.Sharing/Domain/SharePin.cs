using System.Security.Cryptography;
using System.Text;

namespace OobcCalendar.Modules.Sharing.Domain;

/// <summary>
/// A link's optional PIN, kept as PBKDF2-SHA256 with a random salt: a PIN is short and chosen by a person, so unlike the
/// token it needs a slow, salted hash. Format: <c>iterations.salt.hash</c> (base64).
/// </summary>
internal static class SharePin
{
    private const int Iterations = 100_000;

    public static string Hash(string pin)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(pin), salt, Iterations, HashAlgorithmName.SHA256, 32);
        return $"{Iterations}.{Convert.ToBase64String(salt)}.{Convert.ToBase64String(hash)}";
    }

    public static bool Verify(string? pin, string stored)
    {
        var parts = stored.Split('.');
        if (pin is null || parts.Length != 3 || !int.TryParse(parts[0], out var iterations))
        {
            return false;
        }

        var expected = Convert.FromBase64String(parts[2]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(pin), Convert.FromBase64String(parts[1]), iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
