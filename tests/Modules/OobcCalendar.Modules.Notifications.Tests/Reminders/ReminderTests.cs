using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Notifications.Domain.Messages;
using OobcCalendar.Modules.Notifications.Features.InApp;
using OobcCalendar.Modules.Notifications.Features.Reminders;
using OobcCalendar.Modules.Notifications.Tests.Features;
using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Testing;
using Shouldly;

namespace OobcCalendar.Modules.Notifications.Tests.Reminders;

/// <summary>
/// The reminder table kept from Scheduling's facts and the sweep that sends it, on real PostgreSQL with the host's
/// clock moved by hand. Each test makes its own events from the clock's current time (tests share one clock that only
/// moves forward).
/// </summary>
[Collection(ReminderCollection.Name)]
public sealed class ReminderTests(ReminderFixture fixture)
{
    private Guid Organizer => fixture.StaffNo(3).Id;

    private Guid Ana => fixture.StaffNo(1).Id;

    private Guid Ben => fixture.StaffNo(2).Id;

    [Fact]
    public async Task SingleEvent_WhenEachOffsetComesDue_ThenEachPersonIsRemindedOnceAndTheMailArrives()
    {
        var id = Guid.NewGuid();
        var title = Facts.Unique("Budget review");
        var start = fixture.At(TimeSpan.FromHours(3));
        await ScheduleAsync(ReminderFixture.Snapshot(id, title, Organizer, [Ana, Ben], start, TimeSpan.FromHours(1), [15, 60]));

        var rows = await fixture.RemindersAsync(id);
        rows.Count.ShouldBe(6);
        rows.Select(r => r.DueAtUtc).Distinct().Order().ShouldBe([start.AddMinutes(-60), start.AddMinutes(-15)]);
        rows.ShouldAllBe(r => r.Status == DueReminderStatus.Pending);

        fixture.Clock.SetUtcNow(start.AddMinutes(-60));
        (await fixture.SweepAsync()).Sent.ShouldBeGreaterThanOrEqualTo(3);
        (await fixture.SweepAsync()).Sent.ShouldBe(0);
        (await fixture.ReminderMailsAsync(id)).Count.ShouldBe(3);
        // Sent before the clock jumps 45 minutes: a jump past the lease of a message being sent hands it to a second
        // worker at once (it failed so: 9 arrived), which no real clock does.
        fixture.WakeSender();
        await Eventually.UntilAsync(
            async () => (await fixture.ReminderMailsAsync(id)).All(m => m.Status == MessageStatus.Sent),
            TimeSpan.FromSeconds(30),
            "the first three reminders sent");

        fixture.Clock.SetUtcNow(start.AddMinutes(-15));
        await fixture.SweepAsync();
        var mails = await fixture.ReminderMailsAsync(id);
        mails.Count.ShouldBe(6);
        mails.Count(m => m.RecipientUserId == Ana).ShouldBe(2);
        (await fixture.RemindersAsync(id)).ShouldAllBe(r => r.Status == DueReminderStatus.Sent);

        fixture.WakeSender();
        await Eventually.UntilAsync(
            async () => (await fixture.Smtp.MessagesAsync()).Count(m => IsReminderAbout(m, title)) >= 6,
            TimeSpan.FromSeconds(30),
            "six reminders at the SMTP server",
            () => Task.FromResult(fixture.Smtp.Transcript()));
        var arrived = (await fixture.Smtp.MessagesAsync()).Where(m => IsReminderAbout(m, title)).ToList();
        arrived.Count.ShouldBe(6);
        arrived.Select(m => m.Message.Subject).Distinct().Order().ShouldBe([$"Reminder: \"{title}\" starts in 1 hour", $"Reminder: \"{title}\" starts in 15 minutes"]);
        arrived.ShouldAllBe(m => m.Message.TextBody!.Contains("Room 1") && m.Message.HtmlBody!.Contains(title));
    }

    [Fact]
    public async Task Series_WhenDailyForAYear_ThenOnlyTheHorizonIsWrittenAndTheSweepExtendsIt()
    {
        var id = Guid.NewGuid();
        var start = fixture.At(TimeSpan.FromHours(1));
        await ScheduleAsync(ReminderFixture.Snapshot(id, Facts.Unique("Stand-up"), Organizer, [Ana], start, TimeSpan.FromMinutes(15), [15], "FREQ=DAILY;COUNT=365"));

        // 48 h ahead: the occurrences at +1 h and +25 h (the one at +49 h is due after the horizon), for two people.
        var rows = await fixture.RemindersAsync(id);
        rows.Select(r => r.StartsAtUtc).Distinct().Order().ShouldBe([start, start.AddDays(1)]);
        rows.Count.ShouldBe(4);

        fixture.Clock.SetUtcNow(start.AddHours(30));
        var sweep = await fixture.SweepAsync();
        sweep.Extended.ShouldBeGreaterThanOrEqualTo(1);
        rows = await fixture.RemindersAsync(id);
        // Both earlier reminders were due while no sweep ran and their occurrences had started: dropped, not sent late.
        rows.Where(r => r.StartsAtUtc <= start.AddDays(1)).ShouldAllBe(r => r.Status == DueReminderStatus.Dropped);
        rows.Where(r => r.Status == DueReminderStatus.Pending).Select(r => r.StartsAtUtc).Distinct().Order().ShouldBe([start.AddDays(2), start.AddDays(3)]);
        (await fixture.ReminderMailsAsync(id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Declined_WhenOneOccurrenceOrTheWholeSeries_ThenThoseAreNotReminded()
    {
        var id = Guid.NewGuid();
        var start = fixture.At(TimeSpan.FromHours(2));
        await ScheduleAsync(ReminderFixture.Snapshot(id, Facts.Unique("Clinic"), Organizer, [Ana, Ben], start, TimeSpan.FromHours(1), [30], "FREQ=DAILY;COUNT=5"));
        (await fixture.RemindersAsync(id)).Count.ShouldBe(6);

        await fixture.DeliverAsync(new ParticipantRespondedIntegrationEvent(id, "Clinic", Organizer, Ana, "Declined", fixture.UtcNow, start.AddDays(1)) { OccurredAt = fixture.UtcNow });
        await fixture.DeliverAsync(new ParticipantRespondedIntegrationEvent(id, "Clinic", Organizer, Ben, "Declined", fixture.UtcNow) { OccurredAt = fixture.UtcNow });

        var rows = await fixture.RemindersAsync(id);
        rows.Where(r => r.UserId == Ben).ShouldBeEmpty();
        rows.Where(r => r.UserId == Ana).Select(r => r.StartsAtUtc).ShouldBe([start]);
        rows.Count(r => r.UserId == Organizer).ShouldBe(2);

        // Ana accepts that occurrence again: reminded again.
        await fixture.DeliverAsync(new ParticipantRespondedIntegrationEvent(id, "Clinic", Organizer, Ana, "Accepted", fixture.UtcNow.AddSeconds(1), start.AddDays(1)) { OccurredAt = fixture.UtcNow });
        (await fixture.RemindersAsync(id)).Count(r => r.UserId == Ana).ShouldBe(2);
    }

    [Fact]
    public async Task Moved_WhenTheEventOrOneOccurrenceMoves_ThenItsRemindersAreRetimed()
    {
        var single = Guid.NewGuid();
        var start = fixture.At(TimeSpan.FromHours(3));
        var snapshot = ReminderFixture.Snapshot(single, Facts.Unique("Audit"), Organizer, [Ana], start, TimeSpan.FromHours(1), [15]);
        await ScheduleAsync(snapshot);
        var later = start.AddHours(2);
        await fixture.DeliverAsync(new EventRescheduledIntegrationEvent(snapshot with { StartUtc = later, EndUtc = later.AddHours(1) }, null, start, start.AddHours(1), later, later.AddHours(1)) { OccurredAt = fixture.UtcNow.AddSeconds(1) });
        var rows = await fixture.RemindersAsync(single);
        rows.Count.ShouldBe(2);
        rows.ShouldAllBe(r => r.DueAtUtc == later.AddMinutes(-15) && r.StartsAtUtc == later);

        var series = Guid.NewGuid();
        var seriesSnapshot = ReminderFixture.Snapshot(series, Facts.Unique("Sync"), Organizer, [Ana], start, TimeSpan.FromHours(1), [15], "FREQ=DAILY;COUNT=3");
        await ScheduleAsync(seriesSnapshot);
        var moved = start.AddDays(1).AddHours(-1);
        await fixture.DeliverAsync(new EventRescheduledIntegrationEvent(seriesSnapshot, start.AddDays(1), start.AddDays(1), start.AddDays(1).AddHours(1), moved, moved.AddHours(1)) { OccurredAt = fixture.UtcNow.AddSeconds(1) });
        (await fixture.RemindersAsync(series)).Select(r => r.StartsAtUtc).Distinct().Order().ShouldBe([start, moved]);
    }

    [Fact]
    public async Task OutOfOrder_WhenAnOlderSnapshotOrMoveArrivesLast_ThenTheNewerOffsetsAndTimesStay()
    {
        var id = Guid.NewGuid();
        var start = fixture.At(TimeSpan.FromHours(3));
        var snapshot = ReminderFixture.Snapshot(id, Facts.Unique("Late news"), Organizer, [Ana], start, TimeSpan.FromHours(1), [15], "FREQ=DAILY;COUNT=2");
        var newer = snapshot with { ReminderMinutes = [60] };
        var moved = start.AddHours(1);
        await fixture.DeliverAsync(new EventUpdatedIntegrationEvent(newer, null, [], []) { OccurredAt = fixture.UtcNow.AddSeconds(2) });
        await fixture.DeliverAsync(new EventRescheduledIntegrationEvent(newer, start, start, start.AddHours(1), moved, moved.AddHours(1)) { OccurredAt = fixture.UtcNow.AddSeconds(3) });

        // Older facts delivered last: the first snapshot (offset 15) and an earlier move of the same occurrence.
        await ScheduleAsync(snapshot);
        await fixture.DeliverAsync(new EventRescheduledIntegrationEvent(snapshot, start, start, start.AddHours(1), start.AddMinutes(30), start.AddMinutes(90)) { OccurredAt = fixture.UtcNow.AddSeconds(1) });

        var rows = (await fixture.RemindersAsync(id)).Where(r => r.UserId == Ana).ToList();
        rows.Select(r => (r.StartsAtUtc, r.OffsetMinutes)).ShouldBe([(moved, 60), (start.AddDays(1), 60)]);
    }

    [Fact]
    public async Task Cancelled_WhenOneOccurrenceOrTheWholeEvent_ThenTheirRemindersAreDropped()
    {
        var id = Guid.NewGuid();
        var start = fixture.At(TimeSpan.FromHours(2));
        var snapshot = ReminderFixture.Snapshot(id, Facts.Unique("Review"), Organizer, [Ana], start, TimeSpan.FromHours(1), [15], "FREQ=DAILY;COUNT=3");
        await ScheduleAsync(snapshot);
        await fixture.DeliverAsync(new EventCancelledIntegrationEvent(snapshot, start.AddDays(1), null) { OccurredAt = fixture.UtcNow.AddSeconds(1) });
        (await fixture.RemindersAsync(id)).Select(r => r.StartsAtUtc).Distinct().ShouldBe([start]);

        await fixture.DeliverAsync(new EventCancelledIntegrationEvent(snapshot, null, null) { OccurredAt = fixture.UtcNow.AddSeconds(2) });
        (await fixture.RemindersAsync(id)).ShouldBeEmpty();
        fixture.Clock.SetUtcNow(start.AddMinutes(-10));
        await fixture.SweepAsync();
        (await fixture.ReminderMailsAsync(id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task LastMinute_WhenTheEventMovesOrIsCancelledAfterItsReminderWasQueued_ThenThatReminderIsWithdrawn()
    {
        var id = Guid.NewGuid();
        var start = fixture.At(TimeSpan.FromHours(3));
        var snapshot = ReminderFixture.Snapshot(id, Facts.Unique("Site visit"), Organizer, [Ana], start, TimeSpan.FromHours(1), [15]);
        await ScheduleAsync(snapshot);

        // 30 s before the reminder is due: the sweep has queued it (e-mail held until its due time, bell line written).
        fixture.Clock.SetUtcNow(start.AddMinutes(-15).AddSeconds(-30));
        await fixture.SweepAsync();
        var queued = await fixture.ReminderMailsAsync(id);
        queued.Count.ShouldBe(2);
        queued.ShouldAllBe(m => m.Status == MessageStatus.Pending && m.NextAttemptAt == start.AddMinutes(-15));
        (await BellLinesAsync(queued)).ShouldBe(2);

        // Moved two hours later before it went out: the queued e-mails and bell lines go; the new time is planned.
        var later = start.AddHours(2);
        var moved = snapshot with { StartUtc = later, EndUtc = later.AddHours(1) };
        await fixture.DeliverAsync(new EventRescheduledIntegrationEvent(moved, null, start, start.AddHours(1), later, later.AddHours(1)) { OccurredAt = fixture.UtcNow });
        (await fixture.ReminderMailsAsync(id)).ShouldBeEmpty();
        (await BellLinesAsync(queued)).ShouldBe(0);
        (await fixture.RemindersAsync(id)).ShouldAllBe(r => r.StartsAtUtc == later && r.Status == DueReminderStatus.Pending);

        // Moved back: the first time is reminded again (nothing left behind blocks it as a duplicate).
        await fixture.DeliverAsync(new EventRescheduledIntegrationEvent(snapshot, null, later, later.AddHours(1), start, start.AddHours(1)) { OccurredAt = fixture.UtcNow.AddSeconds(1) });
        await fixture.SweepAsync();
        (await fixture.ReminderMailsAsync(id)).Count.ShouldBe(2);

        // Cancelled now: gone again, and nothing reaches the SMTP server when the due time passes.
        await fixture.DeliverAsync(new EventCancelledIntegrationEvent(snapshot, null, null) { OccurredAt = fixture.UtcNow.AddSeconds(2) });
        (await fixture.ReminderMailsAsync(id)).ShouldBeEmpty();
        (await fixture.RemindersAsync(id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task LastMinute_WhenAnUnrelatedChangeComesAfterTheReminderWasQueued_ThenItStays()
    {
        var id = Guid.NewGuid();
        var start = fixture.At(TimeSpan.FromHours(3));
        var snapshot = ReminderFixture.Snapshot(id, Facts.Unique("Walkthrough"), Organizer, [Ana], start, TimeSpan.FromHours(1), [15]);
        await ScheduleAsync(snapshot);
        fixture.Clock.SetUtcNow(start.AddMinutes(-15).AddSeconds(-30));
        await fixture.SweepAsync();
        var queued = await fixture.ReminderMailsAsync(id);

        // A new title and one more person: the two queued reminders keep their place; Ben's is planned and sent late.
        await fixture.DeliverAsync(new EventUpdatedIntegrationEvent(snapshot with { Title = snapshot.Title + "!", ParticipantIds = [Ana, Ben] }, null, [], []) { OccurredAt = fixture.UtcNow });
        (await fixture.ReminderMailsAsync(id)).Select(m => m.Id).ShouldBe(queued.Select(m => m.Id), ignoreOrder: true);
        await fixture.SweepAsync();
        (await fixture.ReminderMailsAsync(id)).Count.ShouldBe(3);
    }

    [Fact]
    public async Task Bell_WhenAReminderIsQueuedAheadOfItsDueTime_ThenItsLineShowsAtThatTimeAndNotBefore()
    {
        // Staff 5 has no other reminders in these tests, so the bell's counts are this test's alone.
        var me = fixture.StaffNo(5);
        var id = Guid.NewGuid();
        var start = fixture.At(TimeSpan.FromHours(3));
        var due = start.AddMinutes(-15);
        await ScheduleAsync(ReminderFixture.Snapshot(id, Facts.Unique("Board prep"), Organizer, [me.Id], start, TimeSpan.FromHours(1), [15]));
        await fixture.SendAs<int>(me, new MarkNotificationsRead(null));

        // Queued 30 s early (the e-mail is held until its due time): the bell has the line but does not show it yet.
        fixture.Clock.SetUtcNow(due.AddSeconds(-30));
        await fixture.SweepAsync();
        (await BellLinesAsync(await fixture.ReminderMailsAsync(id))).ShouldBe(2);
        var early = await fixture.SendAs<MyNotifications>(me, new ListMyNotifications());
        early.UnreadCount.ShouldBe(0);
        early.Items.ShouldNotContain(i => i.Type == "event.reminder" && i.CreatedAt > fixture.UtcNow);
        early.NextAt.ShouldBe(due);
        // "Mark all read" marks what the person has seen, not a line still to come.
        (await fixture.SendAs<int>(me, new MarkNotificationsRead(null))).ShouldBe(0);

        fixture.Clock.SetUtcNow(due);
        var onTime = await fixture.SendAs<MyNotifications>(me, new ListMyNotifications());
        onTime.UnreadCount.ShouldBe(1);
        onTime.Items[0].Type.ShouldBe("event.reminder");
        onTime.Items[0].CreatedAt.ShouldBe(due);
        onTime.NextAt.ShouldBeNull();
    }

    private Task<int> BellLinesAsync(IReadOnlyList<OobcCalendar.Modules.Notifications.Domain.Messages.OutgoingMessage> mails)
    {
        var keys = mails.Select(m => m.DedupeKey).ToList();
        return fixture.DbAsync(db => db.InAppNotifications.AsNoTracking().CountAsync(n => keys.Contains(n.DedupeKey)));
    }

    [Fact]
    public async Task Replay_WhenFactsArriveAgainAfterSending_ThenNothingIsRemindedTwice()
    {
        var id = Guid.NewGuid();
        var start = fixture.At(TimeSpan.FromHours(1));
        var snapshot = ReminderFixture.Snapshot(id, Facts.Unique("Huddle"), Organizer, [Ana], start, TimeSpan.FromHours(1), [15]);
        var scheduled = new EventScheduledIntegrationEvent(snapshot, null) { OccurredAt = fixture.UtcNow };
        await fixture.DeliverAsync(scheduled);
        await fixture.DeliverAsync(scheduled);
        (await fixture.RemindersAsync(id)).Count.ShouldBe(2);

        fixture.Clock.SetUtcNow(start.AddMinutes(-15));
        await fixture.SweepAsync();
        // A new fact about the same times (a title change) re-plans: the sent rows stay sent and win over new ones.
        await fixture.DeliverAsync(new EventUpdatedIntegrationEvent(snapshot with { Title = snapshot.Title + "!" }, null, [], []) { OccurredAt = fixture.UtcNow });
        await fixture.DeliverAsync(scheduled);
        await fixture.SweepAsync();

        (await fixture.RemindersAsync(id)).ShouldAllBe(r => r.Status == DueReminderStatus.Sent);
        (await fixture.ReminderMailsAsync(id)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Downtime_WhenRemindersCameDueWhileNoHostRan_ThenSentOnceIfNotStartedElseDropped()
    {
        var notStarted = Guid.NewGuid();
        var started = Guid.NewGuid();
        var start = fixture.At(TimeSpan.FromHours(2));
        await ScheduleAsync(ReminderFixture.Snapshot(notStarted, Facts.Unique("Training"), Organizer, [Ana], start, TimeSpan.FromHours(1), [60, 90]));
        await ScheduleAsync(ReminderFixture.Snapshot(started, Facts.Unique("Briefing"), Organizer, [Ana], start.AddMinutes(-80), TimeSpan.FromHours(1), [30]));

        // No sweep for 100 minutes: "Training" starts in 20 minutes, "Briefing" started an hour ago.
        fixture.Clock.SetUtcNow(start.AddMinutes(-20));
        await fixture.SweepAsync();
        await fixture.SweepAsync();

        (await fixture.ReminderMailsAsync(notStarted)).Count.ShouldBe(4);
        (await fixture.RemindersAsync(notStarted)).ShouldAllBe(r => r.Status == DueReminderStatus.Sent);
        (await fixture.ReminderMailsAsync(started)).ShouldBeEmpty();
        (await fixture.RemindersAsync(started)).ShouldAllBe(r => r.Status == DueReminderStatus.Dropped);
    }

    private static bool IsReminderAbout(ReceivedMail mail, string title) =>
        (mail.Message.Subject ?? "").StartsWith($"Reminder: \"{title}\"", StringComparison.Ordinal);

    private Task ScheduleAsync(EventSnapshot snapshot) =>
        fixture.DeliverAsync(new EventScheduledIntegrationEvent(snapshot, null) { OccurredAt = fixture.UtcNow });
}
