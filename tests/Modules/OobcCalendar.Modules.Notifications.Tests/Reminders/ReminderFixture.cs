using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Modules.Notifications.Features.Reminders;
using OobcCalendar.Modules.Notifications.Tests.Features;
using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Testing;

namespace OobcCalendar.Modules.Notifications.Tests.Reminders;

/// <summary>A host of its own for reminders: tests move its clock forward by hours and run the sweep by hand.</summary>
public sealed class ReminderFixture : NotificationsFixture
{
    public ReminderFixture()
        : base(new SmtpServerFixture())
    {
    }

    public DateTimeOffset UtcNow => Clock.GetUtcNow();

    /// <summary>A whole minute <paramref name="ahead"/> of now, so reminder due times are easy to state.</summary>
    public DateTimeOffset At(TimeSpan ahead)
    {
        var t = UtcNow + ahead;
        return new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, TimeSpan.Zero);
    }

    /// <summary>Runs one sweep, as the Quartz job does every 20 s.</summary>
    internal Task<ReminderSweepResult> SweepAsync() =>
        App.Services.GetRequiredService<ReminderSweep>().RunAsync(CancellationToken.None);

    /// <summary>The reminder rows of an event, by due time.</summary>
    internal Task<List<DueReminder>> RemindersAsync(Guid eventId) =>
        DbAsync(db => db.DueReminders.AsNoTracking().Where(r => r.EventId == eventId).OrderBy(r => r.DueAtUtc).ThenBy(r => r.UserId).ToListAsync());

    /// <summary>The reminder e-mail rows about an event.</summary>
    internal Task<List<OobcCalendar.Modules.Notifications.Domain.Messages.OutgoingMessage>> ReminderMailsAsync(Guid eventId) =>
        DbAsync(db => db.OutgoingMessages.AsNoTracking()
            .Where(m => m.Type == "event.reminder" && m.DedupeKey.Contains(eventId.ToString("N")))
            .OrderBy(m => m.NextAttemptAt).ToListAsync());

    public static EventSnapshot Snapshot(
        Guid id, string title, Guid organizer, IReadOnlyList<Guid> participants, DateTimeOffset start, TimeSpan length,
        IReadOnlyList<int>? reminders, string? rule = null, string zone = "Asia/Manila") =>
        new(id, title, "Room 1", organizer, participants, start, start + length, zone, false, rule, [], "Normal", reminders);
}

[CollectionDefinition(Name)]
public sealed class ReminderCollection : ICollectionFixture<ReminderFixture>
{
    public const string Name = "notifications-reminders";
}
