using MimeKit;

namespace OobcCalendar.Testing;

/// <summary>A message the test SMTP server accepted: the SMTP envelope and the parsed message.</summary>
/// <param name="MailFrom">The envelope sender (MAIL FROM).</param>
/// <param name="Recipients">The envelope recipients (RCPT TO), which include Bcc addresses.</param>
/// <param name="Message">The message as received, parsed by MimeKit.</param>
public sealed record ReceivedMail(string MailFrom, IReadOnlyList<string> Recipients, MimeMessage Message);
