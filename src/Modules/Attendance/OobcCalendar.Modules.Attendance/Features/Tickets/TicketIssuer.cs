using OobcCalendar.Modules.Attendance.Domain;
using OobcCalendar.Modules.Attendance.Persistence;
using QRCoder;

namespace OobcCalendar.Modules.Attendance.Features.Tickets;

/// <summary>Issues tickets (a new random token each, stored hashed) and draws their QR codes.</summary>
internal static class TicketIssuer
{
    /// <summary>Adds a ticket for <paramref name="personId"/> to <paramref name="db"/> (saved by the caller) and returns its token.</summary>
    public static string Issue(AttendanceDbContext db, AttendanceList list, Guid personId, DateTimeOffset now)
    {
        var token = TicketTokens.NewToken();
        db.Tickets.Add(new Ticket(list.Id, personId, TicketTokens.Hash(token), now));
        return token;
    }

    /// <summary>A PNG of a QR holding <paramref name="text"/> (error correction M: survives a crease or a scuffed phone screen).</summary>
    public static byte[] QrPng(string text, int pixelsPerModule = 10)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }
}
