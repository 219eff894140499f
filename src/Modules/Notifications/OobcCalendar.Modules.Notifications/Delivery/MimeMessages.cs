using MimeKit;
using OobcCalendar.Modules.Notifications.Domain.Messages;

namespace OobcCalendar.Modules.Notifications.Delivery;

/// <summary>Builds the MIME message for a row: multipart/alternative (text, then HTML), plus attachments when it has any.</summary>
internal static class MimeMessages
{
    public static MimeMessage Build(OutgoingMessage row, string from)
    {
        ArgumentNullException.ThrowIfNull(row);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(new MailboxAddress(row.RecipientName, row.RecipientEmail ?? throw new InvalidOperationException($"Message {row.Id} has no recipient address.")));
        message.Subject = row.Subject;
        // A stable Message-ID per row: a message re-sent after a crash mid-send is recognisably the same one.
        message.MessageId = $"{row.Id:N}@oobc-calendar";
        message.Headers.Add("X-Oobc-Message-Type", row.Type);
        var body = new BodyBuilder { TextBody = row.TextBody, HtmlBody = row.Html };
        foreach (var attachment in row.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        message.Body = body.ToMessageBody();
        return message;
    }
}
