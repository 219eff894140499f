using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OobcCalendar.Modules.Notifications.Features.Retention;
using OobcCalendar.Modules.Notifications.Tests.Reminders;
using Shouldly;

namespace OobcCalendar.Modules.Notifications.Tests.Retention;

/// <summary>
/// The daily retention job on real PostgreSQL: what is old and finished goes, what is recent, unfinished, unread or a
/// dead letter stays. Rows are written with times relative to the host's clock, so the job's cut-offs are exact.
/// </summary>
[Collection(ReminderCollection.Name)]
public sealed class RetentionTests(ReminderFixture fixture)
{
    [Fact]
    public async Task Run_WhenRowsAreOldAndFinished_ThenOnlyThoseAreRemoved()
    {
        var user = fixture.StaffNo(4).Id;
        var now = fixture.UtcNow;
        var ids = new Dictionary<string, Guid>();
        Guid Id(string name) => ids.TryGetValue(name, out var id) ? id : ids[name] = Guid.NewGuid();

        await fixture.DbAsync(async db =>
        {
            // Rows that are not finished wait for a retry an hour away: the host's own sender runs beside this test, and a
            // Failed row already due would be sent (and become Sent) before the job looks at it.
            async Task Mail(string name, string status, TimeSpan age, TimeSpan? sentAgo = null) => await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO notifications.outgoing_messages (id, recipient_user_id, recipient_email, recipient_name, type, dedupe_key, subject,
                    html, text_body, urgent, status, attempts, next_attempt_at, created_at, sent_at)
                VALUES (@id, @user, 'x@oobc.gov.ph', 'X', 'event.reminder', @key, 'S', '<p>h</p>', 't', false, @status, 1, @next, @at,
                    CASE WHEN @status = 'Sent' THEN @sent END)
                """,
                [new NpgsqlParameter("id", Id(name)), new NpgsqlParameter("user", user), new NpgsqlParameter("key", $"retention|{Id(name):N}"),
                 new NpgsqlParameter("status", status), new NpgsqlParameter("at", (now - age).ToUniversalTime()),
                 new NpgsqlParameter("sent", (now - (sentAgo ?? age)).ToUniversalTime()),
                 new NpgsqlParameter("next", (status is "Sent" or "Skipped" or "DeadLetter" ? now - age : now + TimeSpan.FromHours(1)).ToUniversalTime())]);
            async Task Bell(string name, TimeSpan age, bool read) => await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO notifications.in_app_notifications (id, user_id, type, dedupe_key, title, body, link, created_at, read_at)
                VALUES (@id, @user, 'event.reminder', @key, 'T', 'B', '/calendar', @at, CASE WHEN @read THEN @at END)
                """,
                [new NpgsqlParameter("id", Id(name)), new NpgsqlParameter("user", user), new NpgsqlParameter("key", $"retention|{Id(name):N}"),
                 new NpgsqlParameter("at", (now - age).ToUniversalTime()), new NpgsqlParameter("read", read)]);
            async Task Reminder(string name, string status, TimeSpan startsIn) => await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO notifications.due_reminders (id, user_id, event_id, starts_at_utc, offset_minutes, due_at_utc, status, created_at)
                VALUES (@id, @user, @id, @start, 15, @start - interval '15 minutes', @status, @start - interval '3 days')
                """,
                [new NpgsqlParameter("id", Id(name)), new NpgsqlParameter("user", user), new NpgsqlParameter("status", status),
                 new NpgsqlParameter("start", (now + startsIn).ToUniversalTime())]);

            await Mail("old sent", "Sent", TimeSpan.FromDays(91));
            await Mail("old skipped", "Skipped", TimeSpan.FromDays(91));
            await Mail("old dead letter", "DeadLetter", TimeSpan.FromDays(91));
            await Mail("old failed", "Failed", TimeSpan.FromDays(91));
            await Mail("recent sent", "Sent", TimeSpan.FromDays(89));
            await Mail("queued long ago, sent lately", "Sent", TimeSpan.FromDays(91), sentAgo: TimeSpan.FromDays(2));
            await Bell("old read", TimeSpan.FromDays(181), read: true);
            await Bell("old unread", TimeSpan.FromDays(181), read: false);
            await Bell("recent read", TimeSpan.FromDays(179), read: true);
            await Reminder("started sent", "Sent", TimeSpan.FromDays(-2));
            await Reminder("started dropped", "Dropped", TimeSpan.FromDays(-2));
            await Reminder("today sent", "Sent", TimeSpan.FromHours(-2));
            await Reminder("future sent", "Sent", TimeSpan.FromHours(2));
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO notifications.digest_runs (user_id, period, sent, handled_at) VALUES (@user, 'retention-old', true, @old), (@user, 'retention-new', true, @new)",
                [new NpgsqlParameter("user", user), new NpgsqlParameter("old", (now - TimeSpan.FromDays(91)).ToUniversalTime()),
                 new NpgsqlParameter("new", (now - TimeSpan.FromDays(89)).ToUniversalTime())]);
            return 0;
        });

        var result = await fixture.App.Services.GetRequiredService<NotificationsRetentionJob>().RunAsync(CancellationToken.None);

        result.Mail.ShouldBeGreaterThanOrEqualTo(2);
        var mails = await fixture.DbAsync(db => db.OutgoingMessages.AsNoTracking().Where(m => m.RecipientUserId == user && m.DedupeKey.StartsWith("retention|")).Select(m => m.Id).ToListAsync());
        mails.ShouldBe([Id("old dead letter"), Id("old failed"), Id("recent sent"), Id("queued long ago, sent lately")], ignoreOrder: true);
        var bells = await fixture.DbAsync(db => db.InAppNotifications.AsNoTracking().Where(n => n.UserId == user && n.DedupeKey.StartsWith("retention|")).Select(n => n.Id).ToListAsync());
        bells.ShouldBe([Id("old unread"), Id("recent read")], ignoreOrder: true);
        var reminders = await fixture.DbAsync(db => db.DueReminders.AsNoTracking().Where(r => r.UserId == user && ids.Values.Contains(r.Id)).Select(r => r.Id).ToListAsync());
        reminders.ShouldBe([Id("today sent"), Id("future sent")], ignoreOrder: true);
        var digests = await fixture.DbAsync(db => db.DigestRuns.AsNoTracking().Where(r => r.UserId == user && r.Period.StartsWith("retention-")).Select(r => r.Period).ToListAsync());
        digests.ShouldBe(["retention-new"]);
    }
}
