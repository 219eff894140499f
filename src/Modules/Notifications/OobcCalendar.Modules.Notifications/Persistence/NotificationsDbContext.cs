using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Notifications.Domain.InApp;
using OobcCalendar.Modules.Notifications.Domain.Messages;
using OobcCalendar.Modules.Notifications.Domain.Preferences;
using OobcCalendar.Modules.Notifications.Features.EventsReadModel;
using OobcCalendar.Modules.Notifications.Features.Reminders;
using OobcCalendar.Modules.Notifications.Persistence.Configurations;
using OobcCalendar.Modules.Scheduling.Contracts.Replica;
using OobcCalendar.Shared.Persistence;

namespace OobcCalendar.Modules.Notifications.Persistence;

/// <summary>The Notifications module's unit of work, on schema <c>notifications</c>.</summary>
internal sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : ModuleDbContext(options), IEventReplicaStore<KnownEvent>
{
    internal const string SchemaName = "notifications";

    public override string Schema => SchemaName;

    public DbSet<OutgoingMessage> OutgoingMessages => Set<OutgoingMessage>();

    public DbSet<OutgoingAttachment> OutgoingAttachments => Set<OutgoingAttachment>();

    public DbSet<InAppNotification> InAppNotifications => Set<InAppNotification>();

    public DbSet<NotificationPreferences> Preferences => Set<NotificationPreferences>();

    public DbSet<KnownEvent> KnownEvents => Set<KnownEvent>();

    public DbSet<OccurrenceChangeReplica> KnownOccurrenceChanges => Set<OccurrenceChangeReplica>();

    public DbSet<KnownAnswer> KnownAnswers => Set<KnownAnswer>();

    public DbSet<DueReminder> DueReminders => Set<DueReminder>();

    public DbSet<Features.Digests.DigestRun> DigestRuns => Set<Features.Digests.DigestRun>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new OutgoingMessageConfiguration());
        modelBuilder.ApplyConfiguration(new OutgoingAttachmentConfiguration());
        modelBuilder.ApplyConfiguration(new InAppNotificationConfiguration());
        modelBuilder.ApplyConfiguration(new NotificationPreferencesConfiguration());
        modelBuilder.ApplyConfiguration(new KnownEventConfiguration());
        modelBuilder.ApplyConfiguration(new KnownOccurrenceChangeConfiguration());
        modelBuilder.ApplyConfiguration(new KnownAnswerConfiguration());
        modelBuilder.ApplyConfiguration(new DueReminderConfiguration());
        modelBuilder.ApplyConfiguration(new DigestRunConfiguration());
    }

    // The replica's store (ADR 0038). FindAsync sees rows added earlier in this unit of work before asking the database.
    async ValueTask<KnownEvent?> IEventReplicaStore<KnownEvent>.FindEventAsync(Guid eventId, CancellationToken cancellationToken) =>
        await KnownEvents.FindAsync([eventId], cancellationToken);

    async ValueTask<OccurrenceChangeReplica?> IEventReplicaStore<KnownEvent>.FindChangeAsync(Guid eventId, DateTimeOffset recurrenceIdUtc, CancellationToken cancellationToken) =>
        await KnownOccurrenceChanges.FindAsync([eventId, recurrenceIdUtc], cancellationToken);

    void IEventReplicaStore<KnownEvent>.Add(KnownEvent replica) => KnownEvents.Add(replica);

    void IEventReplicaStore<KnownEvent>.Add(OccurrenceChangeReplica change) => KnownOccurrenceChanges.Add(change);
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host.</summary>
internal sealed class NotificationsDesignTimeFactory : ModuleDesignTimeFactory<NotificationsDbContext>, Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<NotificationsDbContext>
{
    public NotificationsDbContext CreateDbContext(string[] args) => new(DesignTimeOptions(NotificationsDbContext.SchemaName));
}
