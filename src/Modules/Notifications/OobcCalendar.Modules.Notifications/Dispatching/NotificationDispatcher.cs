using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using OobcCalendar.Modules.Notifications.Contracts;
using OobcCalendar.Modules.Notifications.Domain.Messages;
using OobcCalendar.Modules.Notifications.Domain.Preferences;
using OobcCalendar.Modules.Notifications.Messages.Rendering;
using OobcCalendar.Modules.Notifications.Persistence;
using OobcCalendar.Shared.LiveUpdates;

namespace OobcCalendar.Modules.Notifications.Dispatching;

/// <summary>
/// The one way to tell someone something: applies their preferences, renders the message, and writes the e-mail row
/// and the bell line with INSERT … ON CONFLICT DO NOTHING on (recipient, dedupe key). Call it inside the consumer's
/// transaction (<c>ModuleDbContext.RunOnceAsync</c>): the rows commit with the inbox entry, and the live notices it
/// queues go out with that SaveChanges. A replayed event therefore writes nothing twice (ADR 0034).
/// </summary>
internal sealed class NotificationDispatcher(MessageRenderer renderer, TimeProvider clock, IOptions<NotificationsOptions> options)
{
    /// <summary>Enqueues <paramref name="model"/> (its type is the message type registered for the model's class) for <paramref name="recipient"/>.</summary>
    /// <param name="db">The consumer's context, inside its transaction; the caller saves it.</param>
    /// <param name="recipient">Whom it is for (see <see cref="Recipient.LoadAsync"/>).</param>
    /// <param name="model">The message type's model, e.g. a <c>BookingRequestedModel</c>.</param>
    /// <param name="key">What makes it the same message on a replay.</param>
    /// <param name="causeEventId">The integration event that caused it.</param>
    /// <param name="urgent">Urgent e-mail ignores quiet hours.</param>
    /// <param name="attachments">Files for the e-mail (the bell ignores them).</param>
    /// <param name="notBefore">Earliest send time, and when the bell line shows (a reminder enqueued a few seconds before it is due); null: now.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    public async Task<EnqueueResult> EnqueueAsync(
        NotificationsDbContext db,
        Recipient recipient,
        object model,
        DedupeKey key,
        Guid? causeEventId,
        bool urgent = false,
        IReadOnlyList<MailAttachment>? attachments = null,
        DateTimeOffset? notBefore = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(model);
        var now = clock.GetUtcNow();
        var preferences = await PreferencesAsync(db, recipient.UserId, cancellationToken);
        var zone = preferences.Zone(recipient.TimeZoneId);
        var message = await renderer.RenderAsync(model, new MessageContext(recipient.DisplayName, zone, options.Value.BaseUrl));
        var dedupe = key.Format(message.Type);

        var email = EmailOutcome.Off;
        DateTimeOffset? sendAt = null;
        if (preferences.WantsEmail(message.Type))
        {
            var skipped = recipient.WhyNoEmail();
            var earliest = notBefore > now ? notBefore.Value : now;
            sendAt = urgent || preferences.Quiet is not { } quiet ? earliest : quiet.ReleaseAt(earliest, zone);
            var id = Guid.CreateVersion7(now);
            var inserted = await InsertMessageAsync(db, id, recipient, message, dedupe, urgent, skipped, sendAt.Value, now, causeEventId, cancellationToken);
            email = !inserted ? EmailOutcome.Duplicate : skipped is null ? EmailOutcome.Queued : EmailOutcome.Skipped;
            if (inserted && attachments is { Count: > 0 })
            {
                db.OutgoingAttachments.AddRange(attachments.Select(a => new OutgoingAttachment
                {
                    Id = Guid.CreateVersion7(now), MessageId = id, FileName = a.FileName, ContentType = a.ContentType, Content = a.Content,
                }));
            }

            if (email == EmailOutcome.Queued)
            {
                // Wakes the sender on every host once this commits (it also polls, for rows held by quiet hours).
                db.NotifyLive(new LiveUpdate(NotificationsTopics.Outgoing));
            }
        }

        var inApp = false;
        if (preferences.WantsInApp(message.Type) && recipient is { IsKnown: true, IsActive: true })
        {
            var id = Guid.CreateVersion7(now);
            // A reminder queued ahead of its due time shows in the bell at that time, not when it was queued.
            inApp = await InsertInAppAsync(db, id, recipient.UserId, message, dedupe, notBefore > now ? notBefore.Value : now, cancellationToken);
            if (inApp)
            {
                db.NotifyLive(new LiveUpdate(NotificationsTopics.InApp, id.ToString(), "created", [recipient.UserId]));
            }
        }

        return new EnqueueResult(email, inApp, email == EmailOutcome.Queued ? sendAt : null);
    }

    /// <summary>The person's saved preferences, or the defaults.</summary>
    internal static async Task<NotificationPreferences> PreferencesAsync(NotificationsDbContext db, Guid userId, CancellationToken cancellationToken) =>
        await db.Preferences.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken)
        ?? NotificationPreferences.Defaults(userId);

    private static async Task<bool> InsertMessageAsync(
        NotificationsDbContext db,
        Guid id,
        Recipient recipient,
        RenderedMessage message,
        string dedupe,
        bool urgent,
        string? skipped,
        DateTimeOffset sendAt,
        DateTimeOffset now,
        Guid? causeEventId,
        CancellationToken cancellationToken)
    {
        var status = skipped is null ? MessageStatus.Pending : MessageStatus.Skipped;
        return await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO notifications.outgoing_messages
                (id, recipient_user_id, recipient_email, recipient_name, type, dedupe_key, subject, html, text_body, urgent,
                 status, status_reason, attempts, next_attempt_at, created_at, cause_event_id)
            VALUES (@id, @user, @email, @name, @type, @dedupe, @subject, @html, @text, @urgent, @status, @reason, 0, @next, @now, @cause)
            ON CONFLICT (recipient_user_id, dedupe_key) DO NOTHING
            """,
            [
                new NpgsqlParameter("id", id),
                new NpgsqlParameter("user", recipient.UserId),
                new NpgsqlParameter("email", NpgsqlDbType.Text) { Value = (object?)recipient.Email ?? DBNull.Value },
                new NpgsqlParameter("name", recipient.DisplayName),
                new NpgsqlParameter("type", message.Type),
                new NpgsqlParameter("dedupe", dedupe),
                new NpgsqlParameter("subject", Truncate(message.Subject, 400)),
                new NpgsqlParameter("html", message.Html),
                new NpgsqlParameter("text", message.Text),
                new NpgsqlParameter("urgent", urgent),
                new NpgsqlParameter("status", status.ToString()),
                new NpgsqlParameter("reason", NpgsqlDbType.Text) { Value = (object?)skipped ?? DBNull.Value },
                new NpgsqlParameter("next", sendAt.ToUniversalTime()),
                new NpgsqlParameter("now", now.ToUniversalTime()),
                new NpgsqlParameter("cause", NpgsqlDbType.Uuid) { Value = (object?)causeEventId ?? DBNull.Value },
            ],
            cancellationToken) == 1;
    }

    private static async Task<bool> InsertInAppAsync(
        NotificationsDbContext db, Guid id, Guid userId, RenderedMessage message, string dedupe, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO notifications.in_app_notifications (id, user_id, type, dedupe_key, title, body, link, created_at)
            VALUES (@id, @user, @type, @dedupe, @title, @body, @link, @now)
            ON CONFLICT (user_id, dedupe_key) DO NOTHING
            """,
            [
                new NpgsqlParameter("id", id),
                new NpgsqlParameter("user", userId),
                new NpgsqlParameter("type", message.Type),
                new NpgsqlParameter("dedupe", dedupe),
                new NpgsqlParameter("title", Truncate(message.Subject, 300)),
                new NpgsqlParameter("body", Truncate(message.Summary, 1000)),
                new NpgsqlParameter("link", message.Link),
                new NpgsqlParameter("now", now.ToUniversalTime()),
            ],
            cancellationToken) == 1;

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..(max - 1)] + "…";
}
