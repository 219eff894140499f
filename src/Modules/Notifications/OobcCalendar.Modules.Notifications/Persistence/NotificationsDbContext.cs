using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Notifications.Domain.InApp;
using OobcCalendar.Modules.Notifications.Domain.Messages;
using OobcCalendar.Modules.Notifications.Domain.Preferences;
using OobcCalendar.Modules.Notifications.Features.EventsReadModel;
using OobcCalendar.Modules.Notifications.Features.Reminders;
using OobcCalendar.Modules.Notifications.Persistence.Configurations;
using OobcCalendar.Shared.Persistence;

namespace OobcCalendar.Modules.Notifications.Persistence;

/// <summary>The Notifications module's unit of work, on schema <c>notifications</c>.</summary>
internal sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : ModuleDbContext(options)
{
    internal const string SchemaName = "notifications";

    public override string Schema => SchemaName;

    public DbSet<OutgoingMessage> OutgoingMessages => Set<OutgoingMessage>();

    public DbSet<OutgoingAttachment> OutgoingAttachments => Set<OutgoingAttachment>();

    public DbSet<InAppNotification> InAppNotifications => Set<InAppNotification>();

    public DbSet<NotificationPreferences> Preferences => Set<NotificationPreferences>();

    public DbSet<KnownEvent> KnownEvents => Set<KnownEvent>();

    public DbSet<KnownOccurrenceChange> KnownOccurrenceChanges => Set<KnownOccurrenceChange>();

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
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host.</summary>
internal sealed class NotificationsDesignTimeFactory : ModuleDesignTimeFactory<NotificationsDbContext>, Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<NotificationsDbContext>
{
    public NotificationsDbContext CreateDbContext(string[] args) => new(DesignTimeOptions(NotificationsDbContext.SchemaName));
}
