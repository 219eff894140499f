using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace OobcCalendar.Modules.Sharing.Domain;

/// <summary>
/// A link's secret: 256 bits from the operating system's cryptographic generator, written base64url (43 characters).
/// Only its SHA-256 is stored; a fast hash is enough because the secret is random, not chosen by a person (ADR 0028).
/// </summary>
internal static class ShareToken
{
    public const int Bytes = 32;

    /// <summary>How many leading characters the owner sees after creation, to tell links apart.</summary>
    public const int PrefixLength = 6;

    public static string New() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(Bytes));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public static string Prefix(string token) => token[..PrefixLength];

    /// <summary>Whether <paramref name="text"/> could be a token at all (so junk never reaches the database).</summary>
    public static bool LooksValid(string? text) =>
        text is { Length: 43 } && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
