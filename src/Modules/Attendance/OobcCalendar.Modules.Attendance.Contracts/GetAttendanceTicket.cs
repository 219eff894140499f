using Mediator;

namespace OobcCalendar.Modules.Attendance.Contracts;

/// <summary>
/// A personal check-in ticket for <paramref name="PersonId"/> at one occurrence of an event (Notifications attaches it
/// to invitations). Answers null when attendance is not on for that occurrence or the person is not expected.
/// Tokens are stored only hashed, so every call issues a new token; earlier tickets of the person stay valid.
/// Sent by a module on its own behalf (no user check): do not route it from a page.
/// </summary>
public sealed record GetAttendanceTicket(Guid EventId, DateTimeOffset OccurrenceStartUtc, Guid PersonId) : IQuery<AttendanceTicket?>;

/// <summary>A ticket: the token the QR holds, the QR as PNG, and the occurrence it admits to.</summary>
public sealed record AttendanceTicket(Guid ListId, Guid PersonId, string Token, byte[] QrPng, string EventTitle, DateTimeOffset StartUtc, DateTimeOffset EndUtc);
