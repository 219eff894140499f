using System.Text;
using MimeKit;
using OobcCalendar.Modules.Scheduling.Domain.Events;
using OobcCalendar.Modules.Scheduling.Features.Events;
using OobcCalendar.Modules.Notifications.Tests.Features;
using OobcCalendar.Testing;
using Shouldly;

namespace OobcCalendar.Modules.Notifications.Tests.Invitations;

/// <summary>
/// An event created, moved and cancelled through Scheduling's commands: the invitation, the update and the cancellation
/// arrive at the real SMTP process, parsed with MimeKit, with both parts and the .ics Scheduling wrote (REQUEST/CANCEL).
/// </summary>
[Collection(InvitationCollection.Name)]
public sealed class InvitationTests(InvitationFixture fixture)
{
    [Fact]
    public async Task Event_WhenCreatedMovedAndCancelled_ThenParticipantsGetInvitationUpdateAndCancellationWithIcs()
    {
        var title = Facts.Unique("Partners meeting");
        var start = new DateTimeOffset(2027, 3, 10, 9, 0, 0, TimeSpan.FromHours(8));
        var participants = new[] { fixture.StaffNo(1), fixture.StaffNo(2) };
        var draft = new EventDraft(title, "Agenda attached", "Board room", start, start.AddHours(1), "Asia/Manila", false, null, EventVisibility.Normal, [.. participants.Select(p => p.Id)], [30], null);
        var id = await fixture.SendAs<Guid>(fixture.Manager, new CreateEvent(draft));

        var invitations = await ArrivedAsync($"Invitation: {title}", 2);
        invitations.SelectMany(m => m.Recipients).Order().ShouldBe(["staff1@oobc.gov.ph", "staff2@oobc.gov.ph"]);
        foreach (var mail in invitations)
        {
            mail.Message.Subject.ShouldBe($"Invitation: {title} (Wed 10 Mar 2027, 9:00 AM)");
            mail.Message.TextBody.ShouldNotBeNull().ShouldContain("Rashid Mangudadatu invites you to");
            mail.Message.HtmlBody.ShouldNotBeNull().ShouldContain(title);
            var ics = Ics(mail, "REQUEST");
            ics.ShouldContain("METHOD:REQUEST");
            ics.ShouldContain($"UID:{id}@oobc-calendar");
            ics.ShouldContain("SUMMARY:" + title);
            ics.ShouldContain("mailto:staff1@oobc.gov.ph", Case.Insensitive);
        }

        await fixture.SendAs<Guid>(fixture.Manager, new MoveEvent(id, null, EditScope.Series, start.AddHours(2), start.AddHours(3), false));
        var updates = await ArrivedAsync($"Updated: {title}", 2);
        updates.ShouldAllBe(m => m.Message.Subject == $"Updated: {title} (Wed 10 Mar 2027, 11:00 AM)");
        Ics(updates[0], "REQUEST").ShouldContain("METHOD:REQUEST");

        await fixture.SendAs<object>(fixture.Manager, new CancelEvent(id, null, EditScope.Series));
        var cancellations = await ArrivedAsync($"Cancelled: {title}", 2);
        cancellations.SelectMany(m => m.Recipients).Order().ShouldBe(["staff1@oobc.gov.ph", "staff2@oobc.gov.ph"]);
        var cancel = Ics(cancellations[0], "CANCEL");
        cancel.ShouldContain("METHOD:CANCEL");
        cancel.ShouldContain("STATUS:CANCELLED");
        cancellations[0].Message.TextBody.ShouldNotBeNull().ShouldContain("was cancelled");

        // The organizer made each change and is not told about it.
        (await fixture.Smtp.MessagesAsync()).Where(m => (m.Message.Subject ?? "").Contains(title, StringComparison.Ordinal))
            .SelectMany(m => m.Recipients).ShouldNotContain(fixture.Manager.Email);
    }

    private static string Ics(ReceivedMail mail, string method)
    {
        var part = mail.Message.Attachments.OfType<MimePart>().Single(a => a.ContentType.MimeType == "text/calendar");
        part.ContentType.Parameters["method"].ShouldBe(method);
        using var stream = new MemoryStream();
        part.Content.ShouldNotBeNull().DecodeTo(stream);
        // Unfolded (RFC 5545 folds lines at 75 octets).
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n ", "", StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<ReceivedMail>> ArrivedAsync(string subjectStart, int count)
    {
        List<ReceivedMail> found = [];
        // Two hops (outbox → consumer, message row → SMTP), each woken by NOTIFY; 30 s covers a loaded machine.
        await Eventually.UntilAsync(
            async () =>
            {
                found = [.. (await fixture.Smtp.MessagesAsync()).Where(m => (m.Message.Subject ?? "").StartsWith(subjectStart, StringComparison.Ordinal))];
                return found.Count >= count;
            },
            TimeSpan.FromSeconds(30),
            $"{count} message(s) '{subjectStart}' at the SMTP server",
            () => Task.FromResult(fixture.Smtp.Transcript()));
        found.Count.ShouldBe(count);
        return found;
    }
}
