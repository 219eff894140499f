using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Modules.Notifications.Contracts;
using OobcCalendar.Modules.Notifications.Dispatching;
using OobcCalendar.Modules.Notifications.Domain.Messages;
using OobcCalendar.Modules.Notifications.Domain.Preferences;
using OobcCalendar.Modules.Notifications.Messages.Bookings;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Testing;
using Shouldly;

namespace OobcCalendar.Modules.Notifications.Tests.Features;

[Collection(NotificationsCollection.Name)]
public sealed class EnqueueTests(NotificationsFixture fixture)
{
    [Fact]
    public async Task Consumer_WhenTheSameFactIsDeliveredAgainOrRepublishedUnderANewId_ThenOneEmailAndOneBellLine()
    {
        var manager = fixture.Manager;
        var requested = Facts.BookingRequested(fixture.StaffNo(1).Id, [manager.Id], Facts.Unique("Dedupe room"));

        await fixture.DeliverAsync(requested);
        await fixture.DeliverAsync(requested); // the outbox retried: the inbox skips it
        await fixture.DeliverAsync(requested with { EventId = Guid.NewGuid() }); // the same fact again: the dedupe key refuses it

        var rows = (await fixture.MessagesForAsync(manager.Id)).Where(m => m.Subject.Contains(requested.ResourceName)).ToList();
        rows.ShouldHaveSingleItem().CauseEventId.ShouldBe(requested.EventId);
        rows[0].DedupeKey.ShouldBe($"booking.requested|{requested.BookingId:N}:requested|-|-");
        var bell = await fixture.DbAsync(db => db.InAppNotifications.AsNoTracking()
            .Where(n => n.UserId == manager.Id && n.Title.Contains(requested.ResourceName)).ToListAsync());
        bell.ShouldHaveSingleItem().Link.ShouldBe("/resources/approvals");
    }

    [Fact]
    public async Task Enqueue_WhenTheRecipientIsInQuietHours_ThenTheEmailWaitsForTheEndInTheirZoneAndUrgentDoesNot()
    {
        // Now is 08:00 Monday in Manila = 19:00 Sunday in New York. Staff4 is quiet 07:00–09:00 Manila;
        // staff5 lives in New York and is quiet 18:00–06:00, across midnight.
        var manila = fixture.StaffNo(4);
        var newYork = fixture.StaffNo(5);
        await fixture.SetPreferencesAsync(new NotificationPreferences { UserId = manila.Id, QuietStart = new(7, 0), QuietEnd = new(9, 0) });
        await fixture.SetPreferencesAsync(new NotificationPreferences { UserId = newYork.Id, QuietStart = new(18, 0), QuietEnd = new(6, 0), TimeZoneId = "America/New_York" });

        var held = await EnqueueAsync(Recipient.From(manila), urgent: false);
        var urgent = await EnqueueAsync(Recipient.From(manila), urgent: true);
        var overnight = await EnqueueAsync(Recipient.From(newYork), urgent: false);

        held.SendAt.ShouldBe(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.FromHours(8)));
        urgent.SendAt.ShouldBe(fixture.Clock.GetUtcNow());
        overnight.SendAt.ShouldBe(new DateTimeOffset(2027, 3, 1, 6, 0, 0, TimeSpan.FromHours(-5)));
        var row = (await fixture.MessagesForAsync(newYork.Id)).Single(m => m.NextAttemptAt > fixture.Clock.GetUtcNow());
        row.NextAttemptAt.ShouldBe(overnight.SendAt!.Value);
        row.Status.ShouldBe(MessageStatus.Pending);
    }

    [Fact]
    public async Task Enqueue_WhenTheRecipientHasNoAddressIsDeactivatedOrUnknown_ThenTheRowIsSkippedWithTheReason()
    {
        var staff = fixture.StaffNo(3);
        var noAddress = Recipient.From(staff) with { Email = null };
        var deactivated = Recipient.From(fixture.StaffNo(2)) with { IsActive = false };

        var first = await EnqueueAsync(noAddress, urgent: false);
        var second = await EnqueueAsync(deactivated, urgent: false);
        var stranger = Guid.NewGuid();
        await fixture.DeliverAsync(Facts.ShareExpired(stranger, Facts.Unique("Stranger's link")));

        first.Email.ShouldBe(EmailOutcome.Skipped);
        first.InAppCreated.ShouldBeTrue(); // no address still has a bell
        second.Email.ShouldBe(EmailOutcome.Skipped);
        second.InAppCreated.ShouldBeFalse(); // nobody will read it
        (await fixture.MessagesForAsync(staff.Id)).Single(m => m.Status == MessageStatus.Skipped).StatusReason.ShouldBe("no e-mail address");
        (await fixture.MessagesForAsync(fixture.StaffNo(2).Id)).Single(m => m.Status == MessageStatus.Skipped).StatusReason.ShouldBe("account deactivated");
        var unknown = (await fixture.MessagesForAsync(stranger)).ShouldHaveSingleItem();
        unknown.Status.ShouldBe(MessageStatus.Skipped);
        unknown.StatusReason.ShouldBe("not in the user directory");
    }

    [Fact]
    public async Task Enqueue_WhenTheTypeIsOffByEmailOrInApp_ThenOnlyTheOtherChannelIsWritten()
    {
        var person = fixture.StaffNo(4);
        await fixture.SetPreferencesAsync(new NotificationPreferences { UserId = person.Id, EmailOff = [BookingDecidedMessage.TypeKey] });
        var emailOff = await EnqueueAsync(Recipient.From(person), urgent: false);
        await fixture.SetPreferencesAsync(new NotificationPreferences { UserId = person.Id, InAppOff = [BookingDecidedMessage.TypeKey] });
        var inAppOff = await EnqueueAsync(Recipient.From(person), urgent: false);

        emailOff.Email.ShouldBe(EmailOutcome.Off);
        emailOff.InAppCreated.ShouldBeTrue();
        inAppOff.Email.ShouldBe(EmailOutcome.Queued);
        inAppOff.InAppCreated.ShouldBeFalse();
    }

    [Fact]
    public async Task Consumer_WhenABellLineIsWritten_ThenItsUserHearsALiveNoticeAfterCommit()
    {
        var owner = fixture.StaffNo(1);
        var heard = new TaskCompletionSource<LiveUpdate>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = fixture.App.Services.GetRequiredService<ILiveUpdates>().Subscribe([NotificationsTopics.InApp], owner.Id, update =>
        {
            heard.TrySetResult(update);
            return Task.CompletedTask;
        });

        await fixture.DeliverAsync(Facts.ShareExpiring(owner.Id, Facts.Unique("Live link")));

        // Through PostgreSQL NOTIFY and the host's listener; 10 s allows for a loaded machine.
        var notice = await heard.Task.WaitAsync(TimeSpan.FromSeconds(10));
        notice.Kind.ShouldBe("created");
        notice.Audience.ShouldNotBeNull().ShouldBe([owner.Id]);
        var id = Guid.Parse(notice.Key!);
        (await fixture.DbAsync(db => db.InAppNotifications.AsNoTracking().SingleAsync(n => n.Id == id))).UserId.ShouldBe(owner.Id);
    }

    private async Task<EnqueueResult> EnqueueAsync(Recipient recipient, bool urgent)
    {
        var dispatcher = fixture.App.Services.GetRequiredService<NotificationDispatcher>();
        var model = new BookingDecidedModel(Guid.NewGuid(), Facts.Unique("Van"), true, "Rashid", Facts.Start, Facts.Start.AddHours(1), null);
        return await fixture.DbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var result = await dispatcher.EnqueueAsync(db, recipient, model, DedupeKey.For(model.BookingId, "decided"), causeEventId: null, urgent);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return result;
        });
    }
}
