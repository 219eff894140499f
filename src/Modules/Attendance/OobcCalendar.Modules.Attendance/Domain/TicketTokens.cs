using System.Security.Cryptography;
using System.Text;

namespace OobcCalendar.Modules.Attendance.Domain;

/// <summary>
/// Personal ticket tokens (ADR 0025): "T1" + 22 base64url characters of 128 random bits. Only the SHA-256 is stored, so a
/// database leak gives no usable ticket; the check is a lookup of the hash (unique index), not a comparison loop.
/// </summary>
internal static class TicketTokens
{
    public const string Prefix = "T1";
    private const int TokenBytes = 16;

    public static string NewToken() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(TokenBytes));

    /// <summary>Whether <paramref name="code"/> looks like a ticket token at all (a forged or garbled one still may).</summary>
    public static bool LooksLikeTicket(string code) => code.StartsWith(Prefix, StringComparison.Ordinal) && code.Length == Prefix.Length + 22;

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    internal static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>
/// The door code: an HMAC-SHA256 of the list id and the current time slot, keyed by the list's secret, so a photo of the
/// door QR stops working within two slots. Only the current and the previous slot are accepted (a scan made just
/// before the code turned still counts). Format "D1.{slot}.{22 base64url characters}".
/// </summary>
internal static class DoorCodes
{
    public const string Prefix = "D1.";

    /// <summary>How long one code is shown.</summary>
    public static readonly TimeSpan SlotLength = TimeSpan.FromMinutes(3);

    public static long SlotAt(DateTimeOffset now) => now.ToUnixTimeSeconds() / (long)SlotLength.TotalSeconds;

    public static string Current(AttendanceList list, DateTimeOffset now) => Code(list, SlotAt(now));

    /// <summary>When the code shown at <paramref name="now"/> is replaced.</summary>
    public static DateTimeOffset NextChangeAt(DateTimeOffset now) =>
        DateTimeOffset.FromUnixTimeSeconds((SlotAt(now) + 1) * (long)SlotLength.TotalSeconds);

    public static DoorCodeCheck Check(AttendanceList list, string code, DateTimeOffset now)
    {
        var parts = code.Split('.');
        if (parts.Length != 3 || parts[0] + "." != Prefix || !long.TryParse(parts[1], out var slot))
        {
            return DoorCodeCheck.Forged;
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(code), Encoding.ASCII.GetBytes(Code(list, slot))))
        {
            return DoorCodeCheck.Forged;
        }

        var current = SlotAt(now);
        return slot == current || slot == current - 1 ? DoorCodeCheck.Valid : DoorCodeCheck.Rotated;
    }

    private static string Code(AttendanceList list, long slot)
    {
        var mac = HMACSHA256.HashData(list.DoorSecret, Encoding.UTF8.GetBytes($"{list.Id:N}:{slot}"));
        return $"{Prefix}{slot}.{TicketTokens.Base64Url(mac[..16])}";
    }
}

/// <summary>What a door code turned out to be.</summary>
internal enum DoorCodeCheck
{
    Valid,
    Rotated,
    Forged,
}
