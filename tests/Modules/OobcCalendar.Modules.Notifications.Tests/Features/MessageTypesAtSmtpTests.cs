using MimeKit;
using OobcCalendar.Testing;
using Shouldly;

namespace OobcCalendar.Modules.Notifications.Tests.Features;

/// <summary>Each message type, caused by its integration event, arrives at the real SMTP server process, parsed with MimeKit.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class MessageTypesAtSmtpTests(NotificationsFixture fixture)
{
    [Fact]
    public async Task BookingRequested_WhenAResourceNeedsApproval_ThenEachApproverGetsAnEmailWithBothParts()
    {
        var resource = Facts.Unique("Board room");
        await fixture.DeliverAsync(Facts.BookingRequested(fixture.StaffNo(1).Id, [fixture.Manager.Id, fixture.Admin.Id], resource));

        var mails = await ArrivedAsync(resource, 2);

        mails.Select(m => m.Message.To.Mailboxes.Single().Address).Order().ShouldBe(["admin@oobc.gov.ph", "manager.ops@oobc.gov.ph"]);
        foreach (var mail in mails)
        {
            mail.Message.Subject.ShouldBe($"Approval needed: {resource}, Wed 3 Mar 2027, 9:00 AM – 11:00 AM");
            AssertParts(mail, "booking.requested", "Jamal Usman asked for " + resource, "https://calendar.test/resources/approvals");
        }
    }

    [Fact]
    public async Task BookingDecided_WhenApprovedOrRejected_ThenTheRequesterHearsWhoDecidedAndWhy()
    {
        var approved = Facts.Unique("Van");
        var rejected = Facts.Unique("Projector");
        await fixture.DeliverAsync(Facts.BookingApproved(fixture.StaffNo(2).Id, fixture.Manager.Id, approved));
        await fixture.DeliverAsync(Facts.BookingRejected(fixture.StaffNo(2).Id, fixture.Manager.Id, rejected));

        var yes = (await ArrivedAsync(approved, 1)).Single();
        var no = (await ArrivedAsync(rejected, 1)).Single();

        yes.Message.To.Mailboxes.Single().Address.ShouldBe("staff2@oobc.gov.ph");
        yes.Message.Subject.ShouldStartWith($"Booking approved: {approved}");
        AssertParts(yes, "booking.decided", $"Rashid Mangudadatu approved your booking of {approved}", "https://calendar.test/resources/bookings");
        no.Message.Subject.ShouldStartWith($"Booking rejected: {rejected}");
        AssertParts(no, "booking.decided", "Room is being painted", "https://calendar.test/resources/bookings");
    }

    [Fact]
    public async Task LeaveRequestedAndDecided_WhenFiledAndDecided_ThenTheApproverAndThenThePersonHear()
    {
        var asked = Facts.Unique("Vacation Leave");
        var approved = Facts.Unique("Sick Leave");
        var rejected = Facts.Unique("Special Leave");
        await fixture.DeliverAsync(Facts.LeaveRequested(fixture.StaffNo(3).Id, [fixture.Manager.Id], asked));
        await fixture.DeliverAsync(Facts.LeaveApproved(fixture.StaffNo(3).Id, fixture.Manager.Id, approved));
        await fixture.DeliverAsync(Facts.LeaveRejected(fixture.StaffNo(3).Id, fixture.Manager.Id, rejected));

        var request = (await ArrivedAsync(asked, 1)).Single();
        var yes = (await ArrivedAsync(approved, 1)).Single();
        var no = (await ArrivedAsync(rejected, 1)).Single();

        request.Message.To.Mailboxes.Single().Address.ShouldBe("manager.ops@oobc.gov.ph");
        request.Message.Subject.ShouldBe($"Leave to approve: Tomas Reyes, {asked}, Mon 8 Mar 2027 – Tue 9 Mar 2027");
        AssertParts(request, "leave.requested", "Family visit", "https://calendar.test/leave/approvals");
        yes.Message.To.Mailboxes.Single().Address.ShouldBe("staff3@oobc.gov.ph");
        yes.Message.Subject.ShouldBe($"Leave approved: {approved}, Mon 8 Mar 2027 – Tue 9 Mar 2027");
        AssertParts(yes, "leave.decided", "approved your " + approved, "https://calendar.test/leave");
        AssertParts(no, "leave.decided", "Audit week", "https://calendar.test/leave");
    }

    [Fact]
    public async Task ShareLinkExpiry_WhenExpiringAndExpired_ThenTheOwnerHearsBoth()
    {
        var label = Facts.Unique("Partners feed");
        await fixture.DeliverAsync(Facts.ShareExpiring(fixture.StaffNo(1).Id, label));
        await fixture.DeliverAsync(Facts.ShareExpired(fixture.StaffNo(1).Id, label));

        var mails = await ArrivedAsync(label, 2);

        mails.Select(m => m.Message.Subject).Order().ShouldBe([$"Your share link \"{label}\" expires soon", $"Your share link \"{label}\" has expired"]);
        mails.ShouldAllBe(m => m.Message.To.Mailboxes.Single().Address == "staff1@oobc.gov.ph");
        AssertParts(mails[0], "sharing.link-expiry", label, "https://calendar.test/sharing");
    }

    private async Task<IReadOnlyList<ReceivedMail>> ArrivedAsync(string marker, int count)
    {
        List<ReceivedMail> found = [];
        // The sender is woken by NOTIFY on commit; 30 s covers a machine loaded by parallel builds.
        await Eventually.UntilAsync(
            async () =>
            {
                found = [.. (await fixture.Smtp.MessagesAsync()).Where(m => (m.Message.Subject ?? string.Empty).Contains(marker, StringComparison.Ordinal))];
                return found.Count >= count;
            },
            TimeSpan.FromSeconds(30),
            $"{count} message(s) about {marker} at the SMTP server",
            () => Task.FromResult(fixture.Smtp.Transcript()));
        found.Count.ShouldBe(count);
        return found;
    }

    private static void AssertParts(ReceivedMail mail, string type, string inBoth, string link)
    {
        var message = mail.Message;
        message.Headers["X-Oobc-Message-Type"].ShouldBe(type);
        message.From.Mailboxes.Single().Address.ShouldBe("calendar@oobc.gov.ph");
        mail.Recipients.ShouldBe([message.To.Mailboxes.Single().Address]);
        var alternative = message.Body.ShouldBeOfType<MultipartAlternative>();
        alternative.Select(p => p.ContentType.MimeType).ShouldBe(["text/plain", "text/html"]);
        var text = message.TextBody.ShouldNotBeNull();
        text.ShouldContain(inBoth);
        text.ShouldContain(link);
        text.ShouldNotContain("<");
        message.HtmlBody.ShouldNotBeNull().ShouldStartWith("<!DOCTYPE html>");
        System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(message.HtmlBody, "<[^>]+>", string.Empty)).ShouldContain(inBoth);
        message.HtmlBody.ShouldContain($"href=\"{link}\"");
        message.HtmlBody.ShouldContain("OOBC Calendar");
    }
}
