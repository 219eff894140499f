using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace OobcCalendar.Shared.Tests;

/// <summary>The test kit's SMTP server: a real aiosmtpd process that hands back what MailKit sent, parsed.</summary>
public sealed class SmtpServerFixtureTests(SmtpServerFixture smtp, ITestOutputHelper output) : IClassFixture<SmtpServerFixture>
{
    [Fact]
    public async Task WaitForMessagesAsync_WhenMailKitSendsAMessage_ThenItComesBackParsedWithItsEnvelope()
    {
        smtp.Clear();
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("OOBC Calendar", "calendar@oobc.gov.ph"));
        message.To.Add(new MailboxAddress("Staff One", "staff1@oobc.gov.ph"));
        message.Bcc.Add(new MailboxAddress("Audit", "audit@oobc.gov.ph"));
        message.Subject = "Reminder: Ops sync at 09:00 — Büro";
        var body = new BodyBuilder { TextBody = "See you there.", HtmlBody = "<p>See you <b>there</b>.</p>" };
        body.Attachments.Add("invite.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"u8.ToArray(), new ContentType("text", "calendar"));
        message.Body = body.ToMessageBody();

        using (var client = new SmtpClient())
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, SecureSocketOptions.None);
            await client.SendAsync(message);
            await client.DisconnectAsync(quit: true);
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        var received = (await smtp.WaitForMessagesAsync(1)).ShouldHaveSingleItem();
        output.WriteLine($"message on disk {started.Elapsed.TotalMilliseconds:0} ms after MailKit's QUIT");

        received.MailFrom.ShouldBe("calendar@oobc.gov.ph");
        received.Recipients.ShouldBe(["staff1@oobc.gov.ph", "audit@oobc.gov.ph"]);
        received.Message.Subject.ShouldBe("Reminder: Ops sync at 09:00 — Büro");
        received.Message.To.Mailboxes.Single().Address.ShouldBe("staff1@oobc.gov.ph");
        received.Message.Bcc.ShouldBeEmpty();
        received.Message.TextBody.ShouldNotBeNull().Trim().ShouldBe("See you there.");
        (received.Message.HtmlBody ?? string.Empty).ShouldContain("<b>there</b>");
        received.Message.Attachments.OfType<MimePart>().Single().FileName.ShouldBe("invite.ics");
    }

    [Fact]
    public async Task Clear_WhenMessagesArrived_ThenTheServerStartsEmptyAndKeepsReceiving()
    {
        smtp.Clear();
        await SendAsync("first");
        await smtp.WaitForMessagesAsync(1);

        smtp.Clear();
        (await smtp.MessagesAsync()).ShouldBeEmpty();

        await SendAsync("second");
        (await smtp.WaitForMessagesAsync(1)).ShouldHaveSingleItem().Message.Subject.ShouldBe("second");
    }

    private async Task SendAsync(string subject)
    {
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = subject } };
        message.From.Add(MailboxAddress.Parse("calendar@oobc.gov.ph"));
        message.To.Add(MailboxAddress.Parse("staff1@oobc.gov.ph"));
        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host, smtp.Port, SecureSocketOptions.None);
        await client.SendAsync(message);
        await client.DisconnectAsync(quit: true);
    }
}
