namespace OobcCalendar.Modules.Notifications.Dispatching;

/// <summary>A file to send with an e-mail, e.g. <c>invite.ics</c> as <c>text/calendar; method=REQUEST</c>.</summary>
internal sealed record MailAttachment(string FileName, string ContentType, byte[] Content);
