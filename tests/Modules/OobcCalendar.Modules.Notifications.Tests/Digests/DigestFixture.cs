using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Modules.Notifications.Domain.Messages;
using OobcCalendar.Modules.Notifications.Domain.Preferences;
using OobcCalendar.Modules.Notifications.Features.Digests;
using OobcCalendar.Modules.Notifications.Tests.Features;
using OobcCalendar.Modules.Scheduling.Contracts;
using OobcCalendar.Testing;

namespace OobcCalendar.Modules.Notifications.Tests.Digests;

/// <summary>
/// A host of its own for digests. Tests run the sweep "as of" chosen instants (any zone, any DST day), so they need not
/// move the shared clock; each test uses dates no other test uses, and none in the week of the frozen clock (the
/// Quartz job itself sweeps as of that instant).
/// </summary>
public sealed class DigestFixture : NotificationsFixture
{
    public DigestFixture()
        : base(new SmtpServerFixture())
    {
    }

    /// <summary>Runs one sweep as of <paramref name="at"/>, as the Quartz job does every minute as of the clock.</summary>
    internal async Task<DigestSweepResult> SweepAsync(DateTimeOffset at)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DigestSweep>().RunAsync(at, CancellationToken.None);
    }

    /// <summary>The digest e-mail rows of a person, oldest first.</summary>
    internal Task<List<OutgoingMessage>> DigestsAsync(Guid userId) =>
        DbAsync(db => db.OutgoingMessages.AsNoTracking()
            .Where(m => m.RecipientUserId == userId && m.Type.StartsWith("digest."))
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.DedupeKey).ToListAsync());

    /// <summary>The handled digest periods of a person.</summary>
    internal Task<List<DigestRun>> RunsAsync(Guid userId) =>
        DbAsync(db => db.DigestRuns.AsNoTracking().Where(r => r.UserId == userId).OrderBy(r => r.Period).ToListAsync());

    internal Task PreferAsync(Guid userId, string zone, TimeOnly at, bool daily = true, bool weekly = false) =>
        SetPreferencesAsync(new NotificationPreferences { UserId = userId, TimeZoneId = zone, DailyDigestAt = at, DailyDigest = daily, WeeklyDigest = weekly, UpdatedAt = Now });

    /// <summary>A one-hour event organised by <paramref name="person"/>, through the read model's consumer.</summary>
    public Task ScheduleAsync(Guid person, string title, DateTimeOffset start, string zone) =>
        DeliverAsync(new EventScheduledIntegrationEvent(
            new EventSnapshot(Guid.NewGuid(), title, "Room 7", person, [], start, start.AddHours(1), zone, false, null, [], "Normal", null), null)
        { OccurredAt = Now });
}

[CollectionDefinition(Name)]
public sealed class DigestCollection : ICollectionFixture<DigestFixture>
{
    public const string Name = "notifications-digests";
}
